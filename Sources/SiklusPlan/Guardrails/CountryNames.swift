/// Country names (English and Indonesian) and their ISO 3166 alpha-2 codes, which data files usually hold:
/// a class typing `country = Indonesia` meant `ID`.
enum CountryNames {
    /// The code for `name` (any case), or nil.
    static func code(of name: String) -> String? { codes[name.lowercased()] }

    private static let codes: [String: String] = [
        "indonesia": "ID", "malaysia": "MY", "singapore": "SG", "singapura": "SG", "thailand": "TH",
        "vietnam": "VN", "viet nam": "VN", "philippines": "PH", "filipina": "PH", "india": "IN",
        "australia": "AU", "united states": "US", "usa": "US", "america": "US", "amerika serikat": "US",
        "amerika": "US", "united kingdom": "GB", "uk": "GB", "britain": "GB", "great britain": "GB",
        "england": "GB", "inggris": "GB", "china": "CN", "tiongkok": "CN", "japan": "JP", "jepang": "JP",
        "korea": "KR", "south korea": "KR", "korea selatan": "KR", "germany": "DE", "jerman": "DE",
        "france": "FR", "prancis": "FR", "perancis": "FR", "netherlands": "NL", "belanda": "NL",
        "canada": "CA", "kanada": "CA", "brazil": "BR", "brasil": "BR", "spain": "ES", "spanyol": "ES",
        "italy": "IT", "italia": "IT", "new zealand": "NZ", "selandia baru": "NZ", "hong kong": "HK",
        "taiwan": "TW", "brunei": "BN", "cambodia": "KH", "kamboja": "KH", "myanmar": "MM", "laos": "LA",
        "timor leste": "TL", "mexico": "MX", "meksiko": "MX", "south africa": "ZA", "afrika selatan": "ZA",
        "saudi arabia": "SA", "arab saudi": "SA", "united arab emirates": "AE", "uae": "AE", "uni emirat arab": "AE",
    ]
}
