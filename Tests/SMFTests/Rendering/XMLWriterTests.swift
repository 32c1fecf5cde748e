import Testing
@testable import SMF

/// The one place XML text is built.
@Suite struct XMLWriterTests {
    @Test func attributesEscapeMarkupQuotesAndWhitespaceThatWouldBeNormalised() {
        #expect(XMLWriter.escapeAttribute("a&b<c>d\"e\tf\ng\rh'") == "a&amp;b&lt;c&gt;d&quot;e&#9;f&#10;g&#13;h'")
    }

    @Test func textEscapesMarkupAndKeepsNewlines() {
        #expect(XMLWriter.escapeText("a&b<c>\nd\re") == "a&amp;b&lt;c&gt;\nd&#13;e")
    }

    @Test func controlCharactersXMLCannotCarryBecomeTheReplacementCharacter() {
        #expect(XMLWriter.escapeAttribute("a\u{1}b\u{FFFE}") == "a\u{FFFD}b\u{FFFD}")
    }

    @Test func aCommentCannotBeClosedFromInside() {
        var writer = XMLWriter()
        writer.comment("x -- y -->z-")
        #expect(writer.text == "<!-- x - - y - ->z-  -->\n")
        var multi = XMLWriter()
        multi.comment("one\n\ntwo")
        #expect(multi.text == "<!--\n  one\n\n  two\n-->\n")
    }

    @Test func elementsNestWithTwoSpacesAndNilAttributesAreLeftOut() {
        var writer = XMLWriter()
        writer.element("a", [("x", "1"), ("y", nil)]) { inner in
            inner.empty("b", [("z", "<")])
            inner.textElement("c", [], text: "t&")
        }
        #expect(writer.text == "<a x=\"1\">\n  <b z=\"&lt;\"/>\n  <c>t&amp;</c>\n</a>\n")
    }
}
