import JournalStore

// How `--json` spells the store's values. Field names are part of the interface scripts rely on:
// add to them, never rename.

extension Settings.Value: Encodable {
    public func encode(to encoder: any Encoder) throws {
        try encoder.object { json in
            try json.put("key", key)
            try json.put("value", value)
            try json.put("origin", origin)
        }
    }
}
