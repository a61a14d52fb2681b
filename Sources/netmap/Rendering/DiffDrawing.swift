import Foundation
import Graph

/// Draws a diff: the union of both editions, the old edition's layout kept.
func drawDiff(_ diff: NetworkDiff, language: DiffLanguage, to path: String) throws {
    throw GraphError.invalidArgument("--render is not ready yet")
}
