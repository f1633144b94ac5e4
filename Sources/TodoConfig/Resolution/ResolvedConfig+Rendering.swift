extension ResolvedConfig {
    /// The table `profile show` prints: a header naming the profile and the file, then one row per
    /// setting with its value and source. Secret values are masked unless `maskingSecrets` is false.
    public func rendered(maskingSecrets: Bool = true) -> String {
        var lines = [
            "Profile: \(profileName) (\(profileOrigin))",
            "File:    \(profilesFile)",
        ]
        if let description = profile.description { lines.append("About:   \(description)") }
        lines.append("")

        let rows = settings.map { setting in
            let text = maskingSecrets ? setting.maskedText : setting.value.description
            return [setting.key.rawValue, text.isEmpty ? "(empty)" : text, setting.source.description]
        }
        lines += Self.table(header: ["KEY", "VALUE", "SOURCE"], rows: rows)
        return lines.joined(separator: "\n")
    }

    /// Left-aligned columns two spaces apart; the last column is not padded.
    static func table(header: [String], rows: [[String]]) -> [String] {
        let all = [header] + rows
        let widths = header.indices.map { column in all.map { $0[column].count }.max() ?? 0 }
        return all.map { row in
            row.enumerated().map { column, cell in
                column == row.count - 1 ? cell : cell.padding(to: widths[column])
            }.joined(separator: "  ")
        }
    }
}

extension String {
    fileprivate func padding(to width: Int) -> String {
        count >= width ? self : self + String(repeating: " ", count: width - count)
    }
}
