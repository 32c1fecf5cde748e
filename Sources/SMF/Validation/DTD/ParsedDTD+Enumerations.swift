internal import CLibXML2

extension ParsedDTD {
    /// The values an enumerated attribute may take (`enabled`: `true`,
    /// `false`), in the DTD's order; nil when the attribute is not declared
    /// or not an enumeration.
    func enumeratedValues(element: String, attribute: String) -> [String]? {
        guard let declaration = xmlGetDtdAttrDesc(pointer, element, attribute) else { return nil }
        var values: [String] = []
        var item = declaration.pointee.tree
        while let node = item {
            if let name = node.pointee.name { values.append(String(cString: name)) }
            item = node.pointee.next
        }
        return values.isEmpty ? nil : values
    }
}
