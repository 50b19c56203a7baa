/// One JSON object, written field by field: what each `--json` conformance fills in. A nil
/// value writes no field, as Swift's own synthesised encoding does.
struct JSONFields {
    fileprivate var container: KeyedEncodingContainer<Name>

    fileprivate struct Name: CodingKey {
        let stringValue: String
        var intValue: Int? { nil }

        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    mutating func put<Value: Encodable>(_ name: String, _ value: Value) throws {
        try container.encode(value, forKey: Name(stringValue: name))
    }

    mutating func put<Value: Encodable>(_ name: String, _ value: Value?) throws {
        try container.encodeIfPresent(value, forKey: Name(stringValue: name))
    }
}

extension Encoder {
    func object(_ fill: (inout JSONFields) throws -> Void) throws {
        var fields = JSONFields(container: container(keyedBy: JSONFields.Name.self))
        try fill(&fields)
    }
}
