import EnsembleSupport

/// Strategic merge patch, the `application/strategic-merge-patch+json` patch type (and `kubectl patch`'s default),
/// as kube-apiserver applies it to built-in kinds.
///
/// Maps merge recursively and `null` deletes. A list merges when its path has a patch strategy containing `merge`:
/// element by element on the merge key for lists of objects, as a set for lists of scalars; every other list is
/// replaced. The directives `$patch` (`replace`, `delete`), `$retainKeys`, `$deleteFromPrimitiveList/<list>` and
/// `$setElementOrder/<list>` are honoured and never appear in the result.
///
/// Order of a merged list, as kube-apiserver computes it: the patch's elements (ordered by `$setElementOrder` when
/// given, else by the patch) keep their relative order, the elements only the server had keep theirs, and a
/// server-only element goes before a patch element only when it came before it in the original list. Elements new
/// to the list therefore come before the server-only elements that follow them: patching a new container into a
/// Deployment puts it first, as the kubectl documentation shows.
///
/// A value the original does not have is merged into nothing: directives in it are applied (a `$patch: delete`
/// element vanishes) and `null` members dropped, so the result is what a typed object would hold.
public enum StrategicMergePatch {
    public static func apply(_ patch: JSONValue, to original: JSONValue, semantics: ListSemantics) throws(PatchError)
        -> JSONValue
    {
        guard case .object(let patchMembers) = patch else {
            throw PatchError(kind: .malformedPatch, message: "a strategic merge patch must be a JSON object")
        }
        let merger = StrategicMerger(semantics: semantics)
        return .object(try merger.mergeMap(original.objectValue ?? [:], patchMembers, at: "") ?? [:])
    }
}

private enum Directive {
    static let patch = "$patch"
    static let retainKeys = "$retainKeys"
    static let deleteFromPrimitiveList = "$deleteFromPrimitiveList/"
    static let setElementOrder = "$setElementOrder/"

    static func isDirective(_ key: String) -> Bool {
        key == patch || key == retainKeys || key.hasPrefix(deleteFromPrimitiveList) || key.hasPrefix(setElementOrder)
    }
}

/// What a field's patch strategy (`merge`, `replace`, `retainKeys`, or a comma-separated mix) asks for.
private struct FieldStrategy {
    let mergeKey: String?
    let mergesLists: Bool
    let replacesMaps: Bool

    init(_ strategy: ListSemantics.PatchStrategy?) {
        let parts = strategy?.strategy.split(separator: ",") ?? []
        mergeKey = strategy?.mergeKey
        mergesLists = parts.contains("merge")
        replacesMaps = parts.contains("replace")
    }

    /// What identifies an element: the merge key's value for objects, the element itself for scalars.
    func identity(of element: JSONValue) -> JSONValue? {
        guard let mergeKey else { return element }
        return element[mergeKey]
    }
}

private struct StrategicMerger {
    let semantics: ListSemantics

    /// The merged map, or nil when the patch deletes it (`$patch: delete`).
    func mergeMap(_ original: [String: JSONValue], _ patch: [String: JSONValue], at path: String) throws(PatchError)
        -> [String: JSONValue]?
    {
        if let directive = patch[Directive.patch] {
            switch directive {
            case "replace":
                var content = patch
                content[Directive.patch] = nil
                return try mergeMap([:], content, at: path)
            case "delete":
                return nil
            default:
                throw PatchError(
                    kind: .mergeFailed,
                    message: "Unknown patch type: \(JSONText.string(directive)) in map at \(Self.display(path))")
            }
        }
        var result = original
        if let retained = patch[Directive.retainKeys] {
            try retainKeys(retained, of: &result, patch: patch, at: path)
        }
        let members = patch.sorted { $0.key < $1.key }
        var ordered: Set<String> = []
        for (key, order) in members where key.hasPrefix(Directive.setElementOrder) {
            let field = String(key.dropFirst(Directive.setElementOrder.count))
            try orderList(field, by: order, in: &result, patchList: patch[field], at: fieldPath(path, field))
            ordered.insert(field)
        }
        for (key, value) in members where !Directive.isDirective(key) && !ordered.contains(key) {
            if case .null = value {
                result[key] = nil
            } else {
                result[key] = try mergeValue(result[key], value, at: fieldPath(path, key))
            }
        }
        for (key, values) in members where key.hasPrefix(Directive.deleteFromPrimitiveList) {
            let field = String(key.dropFirst(Directive.deleteFromPrimitiveList.count))
            guard case .array(let doomed) = values else {
                throw PatchError(kind: .malformedPatch, message: "\(key) must be a list at \(Self.display(path))")
            }
            if case .array(let elements) = result[field] {
                result[field] = .array(elements.filter { !doomed.contains($0) })
            }
        }
        return result
    }

    /// The merged value, or nil when the patch deletes it.
    private func mergeValue(_ original: JSONValue?, _ patch: JSONValue, at path: String) throws(PatchError)
        -> JSONValue?
    {
        let strategy = FieldStrategy(semantics.patchStrategy(at: path))
        switch patch {
        case .object(let members):
            if case .object(let existing)? = original, !strategy.replacesMaps {
                return try mergeMap(existing, members, at: path).map(JSONValue.object)
            }
            return try mergeMap([:], members, at: path).map(JSONValue.object)
        case .array(let elements):
            if case .array(let existing)? = original, strategy.mergesLists {
                return .array(try mergeList(existing, elements, strategy: strategy, at: path))
            }
            return .array(try freshList(elements, strategy: strategy, at: path))
        default:
            return patch
        }
    }

    /// A list the patch sets without anything to merge it into.
    private func freshList(_ elements: [JSONValue], strategy: FieldStrategy, at path: String) throws(PatchError)
        -> [JSONValue]
    {
        if strategy.mergesLists { return try mergeList([], elements, strategy: strategy, at: path) }
        let elementPath = ListSemantics.element(path)
        let elementStrategy = FieldStrategy(semantics.patchStrategy(at: elementPath))
        var result: [JSONValue] = []
        for element in elements {
            switch element {
            case .object(let members):
                if let normalized = try mergeMap([:], members, at: elementPath) { result.append(.object(normalized)) }
            case .array(let nested):
                result.append(.array(try freshList(nested, strategy: elementStrategy, at: elementPath)))
            default:
                result.append(element)
            }
        }
        return result
    }

    private func mergeList(_ original: [JSONValue], _ patch: [JSONValue], strategy: FieldStrategy, at path: String)
        throws(PatchError) -> [JSONValue]
    {
        if original.isEmpty && patch.isEmpty { return original }
        switch try ElementKind.common(to: original + patch, at: path) {
        case .list:
            throw PatchError(
                kind: .invalidOperation, message: "lists of lists are not supported at \(Self.display(path))")
        case .map:
            guard let mergeKey = strategy.mergeKey else {
                throw PatchError(
                    kind: .mergeFailed, message: "cannot merge lists without merge key at \(Self.display(path))")
            }
            return try mergeMapList(original, patch, mergeKey: mergeKey, strategy: strategy, at: path)
        case .scalar:
            var merged: [JSONValue] = []
            for element in original + patch where !merged.contains(element) { merged.append(element) }
            return Self.ordered(merged, patchOrder: patch, serverOrder: original, strategy: strategy)
        }
    }

    private func mergeMapList(
        _ original: [JSONValue], _ patch: [JSONValue], mergeKey: String, strategy: FieldStrategy, at path: String
    ) throws(PatchError) -> [JSONValue] {
        let elementPath = ListSemantics.element(path)
        var current = original
        var patchElements: [[String: JSONValue]] = []
        var replacesList = false
        for element in patch {
            let members = element.objectValue ?? [:]
            guard let directive = members[Directive.patch] else {
                patchElements.append(members)
                continue
            }
            switch directive {
            case "delete":
                guard let doomed = members[mergeKey] else { throw Self.missingMergeKey(members, mergeKey) }
                current.removeAll { $0[mergeKey] == doomed }
            case "replace":
                replacesList = true
            case "merge":
                throw PatchError(kind: .mergeFailed, message: "merging lists cannot yet be specified in the patch")
            default:
                throw PatchError(
                    kind: .mergeFailed,
                    message: "Unknown patch type: \(JSONText.string(directive)) in list at \(Self.display(path))")
            }
        }
        if replacesList {
            current = []
            for members in patchElements {
                current.append(.object(try mergeMap([:], members, at: elementPath) ?? [:]))
            }
            patchElements = []
        }
        for element in current where element[mergeKey] == nil {
            throw Self.missingMergeKey(element.objectValue ?? [:], mergeKey)
        }
        let serverOrder = current
        for members in patchElements {
            guard let key = members[mergeKey] else { throw Self.missingMergeKey(members, mergeKey) }
            if let index = current.firstIndex(where: { $0[mergeKey] == key }) {
                current[index] = .object(
                    try mergeMap(current[index].objectValue ?? [:], members, at: elementPath) ?? [:])
            } else {
                current.append(.object(try mergeMap([:], members, at: elementPath) ?? [:]))
            }
        }
        return Self.ordered(
            current, patchOrder: patchElements.map(JSONValue.object), serverOrder: serverOrder, strategy: strategy)
    }

    /// Applies `$setElementOrder/<field>`: merges the field's patch list, if any, then orders the result.
    private func orderList(
        _ field: String, by order: JSONValue, in result: inout [String: JSONValue], patchList: JSONValue?,
        at path: String
    ) throws(PatchError) {
        guard case .array(let order) = order else {
            throw PatchError(kind: .malformedPatch, message: "\(Directive.setElementOrder)\(field) must be a list")
        }
        let strategy = FieldStrategy(semantics.patchStrategy(at: path))
        let original = try Self.list(result[field], named: field)
        let patch = try Self.list(patchList, named: field)
        try Self.check(patch ?? [], agreesWith: order, strategy: strategy, field: field)
        let merged: [JSONValue]
        switch (original, patch) {
        case (let original?, nil): merged = original
        case (nil, let patch?): merged = try freshList(patch, strategy: strategy, at: path)
        case (let original?, let patch?):
            merged =
                strategy.mergesLists
                ? try mergeList(original, patch, strategy: strategy, at: path)
                : try freshList(patch, strategy: strategy, at: path)
        case (nil, nil): return
        }
        for element in merged where strategy.identity(of: element) == nil {
            throw Self.missingMergeKey(element.objectValue ?? [:], strategy.mergeKey ?? "")
        }
        result[field] = .array(Self.ordered(merged, patchOrder: order, serverOrder: original ?? [], strategy: strategy))
    }

    private func retainKeys(
        _ directive: JSONValue, of result: inout [String: JSONValue], patch: [String: JSONValue], at path: String
    ) throws(PatchError) {
        guard case .array(let names) = directive else {
            throw PatchError(kind: .malformedPatch, message: "$retainKeys must be a list at \(Self.display(path))")
        }
        let retained = Set(names.compactMap(\.stringValue))
        for (key, value) in patch.sorted(by: { $0.key < $1.key })
        where !Directive.isDirective(key) && !retained.contains(key) && value != .null {
            throw PatchError(
                kind: .malformedPatch,
                message: "the patch sets \(key) at \(Self.display(path)), which its $retainKeys list does not retain")
        }
        result = result.filter { retained.contains($0.key) }
    }

    /// The path of field `key` of the map at `parent`: its named field, or the value of a map with arbitrary keys
    /// when only that is described (`spec.pools.{}.members`).
    private func fieldPath(_ parent: String, _ key: String) -> String {
        let named = ListSemantics.child(parent, key)
        let mapValue = ListSemantics.value(parent)
        return !describes(named) && describes(mapValue) ? mapValue : named
    }

    private func describes(_ path: String) -> Bool {
        semantics.patchStrategies.keys.contains { described in
            described == path || described.hasPrefix(path + ".") || described.hasPrefix(path + "[]")
        }
    }

    /// `merged` ordered as kube-apiserver orders a merged list: the elements named in `patchOrder` in that order,
    /// interleaved with the others (in `serverOrder`), a server-only element going first only when it preceded the
    /// patch element in `serverOrder`.
    private static func ordered(
        _ merged: [JSONValue], patchOrder: [JSONValue], serverOrder: [JSONValue], strategy: FieldStrategy
    ) -> [JSONValue] {
        func position(of element: JSONValue, in list: [JSONValue]) -> Int? {
            let identity = strategy.identity(of: element)
            return list.firstIndex { strategy.identity(of: $0) == identity }
        }
        func sorted(_ elements: [JSONValue], by list: [JSONValue]) -> [JSONValue] {
            elements.enumerated()
                .map { (rank: position(of: $0.element, in: list) ?? .max, offset: $0.offset, element: $0.element) }
                .sorted { ($0.rank, $0.offset) < ($1.rank, $1.offset) }
                .map(\.element)
        }
        let fromPatch = sorted(merged.filter { position(of: $0, in: patchOrder) != nil }, by: patchOrder)
        let serverOnly = sorted(merged.filter { position(of: $0, in: patchOrder) == nil }, by: serverOrder)
        var result: [JSONValue] = []
        var serverIndex = 0
        var patchIndex = 0
        while serverIndex < serverOnly.count || patchIndex < fromPatch.count {
            let takesServerElement: Bool
            if patchIndex == fromPatch.count {
                takesServerElement = true
            } else if serverIndex == serverOnly.count {
                takesServerElement = false
            } else if let serverPosition = position(of: serverOnly[serverIndex], in: serverOrder),
                let patchPosition = position(of: fromPatch[patchIndex], in: serverOrder)
            {
                takesServerElement = serverPosition < patchPosition
            } else {
                takesServerElement = false
            }
            if takesServerElement {
                result.append(serverOnly[serverIndex])
                serverIndex += 1
            } else {
                result.append(fromPatch[patchIndex])
                patchIndex += 1
            }
        }
        return result
    }

    /// Rejects a patch list whose elements are not in `$setElementOrder`, or not in its order.
    private static func check(
        _ patch: [JSONValue], agreesWith order: [JSONValue], strategy: FieldStrategy, field: String
    ) throws(PatchError) {
        let candidates = patch.filter { $0[Directive.patch] != "delete" }
        var patchIndex = 0
        var orderIndex = 0
        while patchIndex < candidates.count && orderIndex < order.count {
            if candidates[patchIndex][Directive.patch] != nil {
                patchIndex += 1
                continue
            }
            guard let identity = strategy.identity(of: candidates[patchIndex]) else {
                throw missingMergeKey(candidates[patchIndex].objectValue ?? [:], strategy.mergeKey ?? "")
            }
            if strategy.identity(of: order[orderIndex]) == identity { patchIndex += 1 }
            orderIndex += 1
        }
        if patchIndex < candidates.count, !order.isEmpty {
            throw PatchError(
                kind: .mergeFailed,
                message: "The order in patch list \(JSONText.string(.array(patch))) doesn't match "
                    + "\(Directive.setElementOrder)\(field) list \(JSONText.string(.array(order)))")
        }
    }

    private static func list(_ value: JSONValue?, named field: String) throws(PatchError) -> [JSONValue]? {
        switch value {
        case nil: return nil
        case .array(let elements)?: return elements
        case let other?:
            throw PatchError(kind: .mergeFailed, message: "\(field) is \(JSONText.string(other)), not a list")
        }
    }

    private static func missingMergeKey(_ members: [String: JSONValue], _ mergeKey: String) -> PatchError {
        PatchError(
            kind: .mergeFailed,
            message: "map: \(JSONText.string(.object(members))) does not contain declared merge key: \(mergeKey)")
    }

    static func display(_ path: String) -> String { path.isEmpty ? "the root" : path }
}

/// The one kind of element a merged list may hold.
private enum ElementKind {
    case scalar
    case map
    case list

    static func common(to elements: [JSONValue], at path: String) throws(PatchError) -> ElementKind {
        var common: (kind: ElementKind, type: String)?
        for element in elements {
            let current: (kind: ElementKind, type: String)
            switch element {
            case .object: current = (.map, "object")
            case .array: current = (.list, "list")
            case .integer, .double: current = (.scalar, "number")
            case .string: current = (.scalar, "string")
            case .bool: current = (.scalar, "bool")
            case .null: current = (.scalar, "null")
            }
            if let common, common.type != current.type {
                throw PatchError(
                    kind: .mergeFailed,
                    message: "list element types are not identical at \(StrategicMerger.display(path)): "
                        + "\(common.type) and \(current.type)")
            }
            common = current
        }
        return common?.kind ?? .scalar
    }
}
