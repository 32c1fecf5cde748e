import Diagnostics

/// Every `propval`/`property` element of a document with the group it is
/// written in, for the rules about property attributes and values.
struct WrittenProperty {
    var group: String
    var property: Property
}

extension SemanticDocument {
    var writtenProperties: [WrittenProperty] {
        entities.flatMap { reference -> [WrittenProperty] in
            let entity = reference.entity
            return entity.propertyGroups.flatMap { group in
                group.properties.map { WrittenProperty(group: group.name, property: $0) }
            }
                + entity.execMethods.flatMap { method in
                    method.properties.map { WrittenProperty(group: method.name, property: $0) }
                }
                + entity.dependencies.flatMap { dependency in
                    dependency.properties.map { WrittenProperty(group: dependency.name, property: $0) }
                }
                + entity.dependents.flatMap { dependent in
                    dependent.properties.map { WrittenProperty(group: dependent.name, property: $0) }
                }
        }
    }
}
