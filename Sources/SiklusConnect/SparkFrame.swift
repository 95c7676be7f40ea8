import Foundation
import SiklusSQL

/// One message between Siklus and its Spark bridge, both ways: a 4-byte big-endian header length, a UTF-8
/// JSON header, then `header.length` payload bytes (query results; see `SparkResultDecoder`).
struct SparkFrame {
    var header: Data
    var payload: [UInt8]

    /// The bytes to send for a request header (payload-less: requests carry their SQL in the header).
    static func encode<Header: Encodable>(_ header: Header) -> [UInt8] {
        // Encoding plain structs of strings and integers cannot fail.
        guard let json = try? JSONEncoder().encode(header) else { preconditionFailure("unencodable request") }
        let count = UInt32(json.count)
        return [UInt8(count >> 24), UInt8(count >> 16 & 0xff), UInt8(count >> 8 & 0xff), UInt8(count & 0xff)] + Array(json)
    }
}

/// The first frame Siklus sends: where the session lives and how to start it.
struct SparkSessionSettings: Encodable {
    var workdir: String
    var master: String
    var driverMemory: String
    /// Spark settings applied after the bridge's own (tests: `SharedSpark`'s small-data settings).
    var conf: [String: String] = [:]
    var length = 0
}

/// A request: `query`, `execute`, `columns`, `cancel` (of request `target`) or `close`.
struct SparkRequest: Encodable {
    var id: Int
    var op: String
    var sql: String?
    var table: String?
    var target: Int?
    /// `query`: the most cells (rows × columns) the bridge sends back; more is an error.
    var maxCells: Int?
    var length = 0
}

/// A column as the bridge describes it: name, the Siklus type, and Spark's own type name.
struct SparkColumnHeader: Decodable {
    var name: String
    var type: String
    var sparkType: String
}

/// Every answer of the bridge: `ok` with its data, or the error Spark gave.
struct SparkResponse: Decodable {
    var id: Int?
    var ok: Bool
    var length: Int
    var message: String?
    var errorClass: String?
    var position: Int?
    var cancelled: Bool?
    var columns: [SparkColumnHeader]?
    var rows: Int?
    // The "ready" answer to the settings.
    var ready: Bool?
    var version: String?
    var master: String?
    var jvmPid: Int32?
    var pythonPid: Int32?

    /// The engine error this answer describes (it must not be `ok`).
    var error: SQLEngineError {
        SQLEngineError(message ?? "Spark failed without a message", sqlState: errorClass, position: position,
                       isCancellation: cancelled ?? false)
    }
}
