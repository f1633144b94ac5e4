import Testing
import TodoChat
import TodoCore

@Suite struct JSONSchemaTests {
    private let schema = JSONSchema.object(
        [
            JSONSchema.Property("name", .string("A name", maxLength: 5)),
            JSONSchema.Property("count", .integer("How many", minimum: 1, maximum: 10)),
            JSONSchema.Property("flag", .boolean("A flag")),
            JSONSchema.Property("kind", .string("A kind", choices: ["a", "b"], nullable: true)),
            JSONSchema.Property("tags", .array("Tags", of: .string("A tag"), maxItems: 2)),
        ], required: ["name"])

    private func check(_ value: JSONValue) -> (JSONValue?, [String]) {
        var problems = ValidationErrors()
        let result = schema.validate(value, at: "", into: &problems)
        return (result, problems.fields.map { "\($0.field):\($0.code)" })
    }

    @Test func publishesAJSONSchemaDocument() {
        let document = schema.document
        #expect(document["type"] == "object")
        #expect(document["additionalProperties"] == false)
        #expect(document["required"] == ["name"])
        #expect(
            document["properties"]?["count"] == [
                "type": "integer", "description": "How many", "minimum": 1,
                "maximum": 10,
            ])
        #expect(document["properties"]?["kind"]?["type"] == ["string", "null"])
        #expect(document["properties"]?["kind"]?["enum"] == ["a", "b", nil])
        #expect(document["properties"]?["tags"]?["items"]?["type"] == "string")
    }

    @Test func acceptsValidArguments() {
        let (result, problems) = check(["name": "ok", "count": 3, "flag": true, "kind": nil, "tags": ["x"]])
        #expect(problems.isEmpty)
        #expect(result == ["name": "ok", "count": 3, "flag": true, "kind": nil, "tags": ["x"]])
    }

    @Test func readsObviousTypeSlipsTheWayTheyWereMeant() {
        let (result, problems) = check(["name": "ok", "count": "7", "flag": "false", "tags": "solo", "kind": "A"])
        #expect(problems.isEmpty)
        #expect(result == ["name": "ok", "count": 7, "flag": false, "tags": ["solo"], "kind": "a"])
    }

    @Test func reportsEveryProblemWithItsPath() {
        let (result, problems) = check(["count": 11, "flag": "maybe", "kind": "c", "tags": ["x", 2], "extra": 1])
        #expect(result == nil)
        #expect(
            problems.sorted() == [
                "count:out_of_range", "extra:unknown_field", "flag:invalid_type", "kind:invalid_value",
                "name:required", "tags[1]:invalid_type",
            ])
        #expect(check(["name": "toolong"]).1 == ["name:too_long"])
        #expect(check(["name": "x", "count": 2.5]).1 == ["count:invalid_type"])
        #expect(check("not an object").1 == ["arguments:invalid_type"])
    }
}
