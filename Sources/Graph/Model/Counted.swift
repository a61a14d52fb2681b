/// A count with its noun in the right number: `counted(1, "tie")` is "1 tie", `counted(2, "tie")` "2 ties".
public func counted(_ count: Int, _ singular: String, plural: String? = nil) -> String {
    "\(count) \(count == 1 ? singular : plural ?? singular + "s")"
}
