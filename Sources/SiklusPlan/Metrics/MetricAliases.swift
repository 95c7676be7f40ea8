import SiklusLanguage

/// Indonesian names of the metrics, accepted wherever a metric name is (`metric tingkat_konversi`,
/// `help metric biaya_per_akuisisi`, `sort tingkat_konversi`) in either language, offered by completion,
/// and shown as the metric's column header in the modes meant for reading under `set language = id`.
/// A result's columns keep the canonical name (`conversion_rate`), so csv and json headers never change.
///
/// The first alias of a metric is the one shown; the others are accepted too. Adding an alias is one line.
extension Metric {
    /// Indonesian alias → metric, in the order shown by `help metrics`.
    package static let indonesianAliases: KeyValuePairs<String, Metric> = [
        "pelanggan": .customers,
        "peristiwa": .events,
        "pesanan": .orders,
        "pendapatan": .revenue,
        "pengembalian": .returns,
        "nilai_pesanan_rata2": .avg_order,
        "rata2_pesanan": .avg_order,
        "pesanan_per_pelanggan": .orders_per_customer,
        "tingkat_pembelian_ulang": .repeat_rate,
        "tingkat_konversi": .conversion_rate,
        "waktu_sampai_pembelian": .time_to_purchase,
        "nilai_seumur_hidup": .ltv,
        "aktif": .active,
        "keterlibatan": .engagement,
        "tingkat_churn": .churn_rate,
        "tingkat_pelengseran": .churn_rate,
        "aktif_harian": .dau,
        "aktif_mingguan": .wau,
        "aktif_bulanan": .mau,
        "rasio_kelekatan": .dau_mau,
        "porsi_tahap": .stage_share,
        "transisi": .transitions,
        "tayangan": .impressions,
        "klik": .clicks,
        "rasio_klik": .ctr,
        "biaya": .spend,
        "biaya_per_akuisisi": .cpa,
        "biaya_per_klik": .cpc,
        "pesanan_per_pembeli": .orders_per_buyer,
        "median_pesanan": .median_order,
        "hari_antar_pesanan": .days_between_orders,
        "tingkat_buka": .open_rate,
        "median_pendapatan_per_pelanggan": .median_revenue_per_customer,
        "median_pendapatan_per_pembeli": .median_revenue_per_buyer,
        "median_pesanan_per_pembeli": .median_orders_per_buyer,
    ]

    private static let aliasLookup: [String: Metric] = Dictionary(indonesianAliases.map { ($0.key, $0.value) }, uniquingKeysWith: { first, _ in first })

    /// The metric `name` stands for: its canonical name or an Indonesian alias, any case.
    /// - Complexity: O(1) expected.
    public init?(named name: String) {
        let lower = name.lowercased()
        if let metric = Metric(rawValue: lower) { self = metric } else if let metric = Self.aliasLookup[lower] { self = metric } else { return nil }
    }

    /// The canonical name of the metric `name` stands for, or nil when it names none.
    public static func canonicalName(_ name: String) -> String? { Metric(named: name)?.rawValue }

    /// The metric's Indonesian name: its first alias.
    public var indonesianName: String {
        Self.indonesianAliases.first { $0.value == self }?.key ?? rawValue
    }

    /// The name shown for the metric in `language`: the canonical name in English, the Indonesian alias in Indonesian.
    public func displayName(in language: Language = .current) -> String {
        language == .id ? indonesianName : rawValue
    }

    /// Every name a metric may be written with: canonical names, then the Indonesian aliases. For
    /// completion and "did you mean".
    public static var allNames: [String] { names + indonesianAliases.map(\.key) }
}
