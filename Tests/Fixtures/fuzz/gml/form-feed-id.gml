graph [
 node [ id 1 label "cd" ]
 node [ id 2 label "e" ]
 edge [ source 1 target 2 ]
]
