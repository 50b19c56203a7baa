import CSQLite

/// A failed SQLite call, with SQLite's own message.
public struct SQLiteError: Error, CustomStringConvertible {
    public let code: Int32
    public let message: String

    public var description: String { message }

    /// The file is not a database or is damaged: it can only be thrown away and rebuilt.
    public var isCorruption: Bool { code & 0xff == SQLITE_CORRUPT || code & 0xff == SQLITE_NOTADB }
}

/// An open SQLite database file.
public final class Database {
    let pointer: OpaquePointer

    public init(path: String) throws {
        var database: OpaquePointer?
        let result = sqlite3_open_v2(path, &database, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, nil)
        guard result == SQLITE_OK, let database else {
            let message = database.map { String(cString: sqlite3_errmsg($0)) } ?? "cannot open \(path)"
            sqlite3_close(database)
            throw SQLiteError(code: result, message: "\(path): \(message)")
        }
        pointer = database
        // Another journal process may hold the write lock for the length of a rebuild.
        sqlite3_busy_timeout(pointer, 30_000)
    }

    deinit { sqlite3_close_v2(pointer) }

    /// Runs statements that return no rows.
    public func execute(_ sql: String) throws {
        try check(sqlite3_exec(pointer, sql, nil, nil, nil))
    }

    public func prepare(_ sql: String) throws -> Statement {
        var statement: OpaquePointer?
        try check(sqlite3_prepare_v2(pointer, sql, -1, &statement, nil))
        return Statement(statement!, database: self)
    }

    /// Runs `body` in one transaction that takes the write lock at once, so that two processes
    /// never both decide to write the same rows.
    public func immediateTransaction<T>(_ body: () throws -> T) throws -> T {
        try execute("BEGIN IMMEDIATE")
        do {
            let result = try body()
            try execute("COMMIT")
            return result
        } catch {
            try? execute("ROLLBACK")
            throw error
        }
    }

    func check(_ result: Int32) throws {
        guard result == SQLITE_OK || result == SQLITE_ROW || result == SQLITE_DONE else {
            throw SQLiteError(code: result, message: String(cString: sqlite3_errmsg(pointer)))
        }
    }
}

/// A prepared statement: bind values by position (from 1), step through the rows.
public final class Statement {
    let pointer: OpaquePointer
    let database: Database

    init(_ pointer: OpaquePointer, database: Database) {
        self.pointer = pointer
        self.database = database
    }

    deinit { sqlite3_finalize(pointer) }

    public enum Value: Equatable {
        case integer(Int64)
        case text(String)
        case null
    }

    /// Binds `values` in order, after clearing what the last run bound.
    @discardableResult
    public func bind(_ values: [Value]) throws -> Statement {
        sqlite3_reset(pointer)
        sqlite3_clear_bindings(pointer)
        for (offset, value) in values.enumerated() {
            let position = Int32(offset + 1)
            switch value {
            case .integer(let number): try database.check(sqlite3_bind_int64(pointer, position, number))
            case .text(let text): try database.check(journal_sqlite_bind_text(pointer, position, text, -1))
            case .null: try database.check(sqlite3_bind_null(pointer, position))
            }
        }
        return self
    }

    /// Runs a statement that returns no rows.
    public func run(_ values: [Value] = []) throws {
        try bind(values)
        try database.check(sqlite3_step(pointer))
    }

    /// Every row, each as its columns.
    public func rows(_ values: [Value] = []) throws -> [[Value]] {
        try bind(values)
        var rows: [[Value]] = []
        while true {
            let result = sqlite3_step(pointer)
            if result == SQLITE_DONE { return rows }
            try database.check(result)
            rows.append((0..<sqlite3_column_count(pointer)).map(column))
        }
    }

    private func column(_ index: Int32) -> Value {
        switch sqlite3_column_type(pointer, index) {
        case SQLITE_INTEGER: return .integer(sqlite3_column_int64(pointer, index))
        case SQLITE_NULL: return .null
        default: return .text(sqlite3_column_text(pointer, index).map { String(cString: $0) } ?? "")
        }
    }
}

extension Statement.Value {
    public var text: String? { if case .text(let value) = self { return value } else { return nil } }
    public var integer: Int64? { if case .integer(let value) = self { return value } else { return nil } }
}
