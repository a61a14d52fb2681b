graph [
 node [ id 1 label "a&#0;b" ]
 node [ id 2 label "c&#x1;d&#xFFFE;" ]
 edge [ source 1 target 2 ]
]
