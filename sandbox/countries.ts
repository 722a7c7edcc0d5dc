/** Covered countries: ISO code, name, and partner networks as "Operator:Type|…". */
const COUNTRY_ROWS: Array<[string, string, string]> = [
  ["AT", "Austria", "A1:5G|Magenta:5G"],
  ["BE", "Belgium", "Proximus:5G|Orange:4G"],
  ["BG", "Bulgaria", "A1:4G|Vivacom:4G"],
  ["HR", "Croatia", "Hrvatski Telekom:5G|A1:4G"],
  ["CY", "Cyprus", "Cyta:4G|Epic:4G"],
  ["CZ", "Czechia", "T-Mobile:5G|O2:4G"],
  ["DK", "Denmark", "TDC:5G|Telia:4G"],
  ["EE", "Estonia", "Telia:4G|Elisa:4G"],
  ["FI", "Finland", "Elisa:5G|DNA:4G"],
  ["FR", "France", "Orange:5G|SFR:5G|Bouygues Telecom:4G"],
  ["DE", "Germany", "Telekom:5G|Vodafone:5G|O2:4G"],
  ["GR", "Greece", "Cosmote:5G|Vodafone:4G"],
  ["HU", "Hungary", "Telekom:4G|Yettel:4G"],
  ["IE", "Ireland", "Vodafone:5G|Three:4G"],
  ["IT", "Italy", "TIM:5G|Vodafone:5G|WindTre:4G"],
  ["LV", "Latvia", "LMT:4G|Tele2:4G"],
  ["LT", "Lithuania", "Telia:4G|Bite:4G"],
  ["LU", "Luxembourg", "POST:4G|Tango:4G"],
  ["MT", "Malta", "Epic:4G|GO:4G"],
  ["NL", "Netherlands", "KPN:5G|Vodafone:5G"],
  ["PL", "Poland", "Orange:5G|Plus:4G|Play:4G"],
  ["PT", "Portugal", "MEO:5G|NOS:4G|Vodafone:4G"],
  ["RO", "Romania", "Orange:5G|Vodafone:4G"],
  ["SK", "Slovakia", "Orange:4G|Telekom:4G"],
  ["SI", "Slovenia", "Telekom Slovenije:4G|A1:4G"],
  ["ES", "Spain", "Movistar:5G|Orange:5G|Vodafone:4G"],
  ["SE", "Sweden", "Telia:5G|Tele2:4G"],
  ["GB", "United Kingdom", "EE:5G|Vodafone:5G|Three:4G|O2:4G"],
  ["NO", "Norway", "Telenor:5G|Telia:4G"],
  ["CH", "Switzerland", "Swisscom:5G|Sunrise:5G"],
  ["IS", "Iceland", "Siminn:4G|Vodafone:4G"],
  ["LI", "Liechtenstein", "Telecom Liechtenstein:4G"],
  ["TR", "Turkey", "Turkcell:4G|Vodafone:4G|Türk Telekom:4G"],
  ["UA", "Ukraine", "Kyivstar:4G|Vodafone:4G"],
  ["RS", "Serbia", "mts:4G|Yettel:4G"],
  ["AL", "Albania", "Vodafone:4G|One:4G"],
  ["ME", "Montenegro", "Crnogorski Telekom:4G|One:4G"],
  ["MK", "North Macedonia", "Makedonski Telekom:4G|A1:4G"],
  ["BA", "Bosnia and Herzegovina", "BH Telecom:4G|m:tel:4G"],
  ["JP", "Japan", "NTT Docomo:5G|SoftBank:5G|KDDI:4G"],
  ["KR", "South Korea", "SK Telecom:5G|KT:5G"],
  ["CN", "China", "China Unicom:5G|China Mobile:4G"],
  ["HK", "Hong Kong", "CSL:5G|3:4G"],
  ["MO", "Macau", "CTM:4G"],
  ["TW", "Taiwan", "Chunghwa Telecom:5G|FarEasTone:4G"],
  ["SG", "Singapore", "Singtel:5G|StarHub:5G"],
  ["MY", "Malaysia", "Maxis:5G|CelcomDigi:4G"],
  ["TH", "Thailand", "AIS:5G|True:5G"],
  ["VN", "Vietnam", "Viettel:4G|Vinaphone:4G"],
  ["ID", "Indonesia", "Telkomsel:4G|XL Axiata:4G"],
  ["PH", "Philippines", "Globe:4G|Smart:4G"],
  ["IN", "India", "Airtel:5G|Jio:5G"],
  ["LK", "Sri Lanka", "Dialog:4G"],
  ["KH", "Cambodia", "Smart:4G|Cellcard:4G"],
  ["AE", "United Arab Emirates", "Etisalat:5G|du:5G"],
  ["SA", "Saudi Arabia", "STC:5G|Mobily:4G|Zain:4G"],
  ["QA", "Qatar", "Ooredoo:5G|Vodafone:4G"],
  ["KW", "Kuwait", "Zain:5G|Ooredoo:4G"],
  ["BH", "Bahrain", "Batelco:4G|Zain:4G"],
  ["OM", "Oman", "Omantel:4G|Ooredoo:4G"],
  ["JO", "Jordan", "Zain:4G|Orange:4G"],
  ["IQ", "Iraq", "Zain:4G|Asiacell:4G|Korek:4G"],
  ["IL", "Israel", "Partner:4G|Cellcom:4G"],
  ["EG", "Egypt", "Vodafone:4G|Orange:4G"],
  ["BR", "Brazil", "Vivo:5G|Claro:5G|TIM:4G"],
  ["AR", "Argentina", "Claro:4G|Personal:4G|Movistar:4G"],
  ["CL", "Chile", "Entel:5G|Movistar:4G"],
  ["CO", "Colombia", "Claro:4G|Movistar:4G"],
  ["PE", "Peru", "Claro:4G|Movistar:4G"],
  ["MX", "Mexico", "Telcel:5G|AT&T:4G"],
  ["UY", "Uruguay", "Antel:4G"],
  ["EC", "Ecuador", "Claro:4G"],
  ["CR", "Costa Rica", "Kolbi:4G"],
  ["PA", "Panama", "+Movil:4G|Tigo:4G"],
  ["GT", "Guatemala", "Tigo:4G|Claro:4G"],
  ["BO", "Bolivia", "Entel:4G|Tigo:4G"],
  ["PY", "Paraguay", "Tigo:4G|Personal:4G"],
  ["ZA", "South Africa", "Vodacom:5G|MTN:4G"],
  ["MA", "Morocco", "Maroc Telecom:4G|Orange:4G"],
  ["TN", "Tunisia", "Ooredoo:4G|Orange:4G"],
  ["KE", "Kenya", "Safaricom:4G|Airtel:4G"],
  ["NG", "Nigeria", "MTN:4G|Airtel:4G"],
  ["GH", "Ghana", "MTN:4G|AirtelTigo:4G"],
  ["TZ", "Tanzania", "Vodacom:4G|Airtel:4G"],
  ["UG", "Uganda", "MTN:4G|Airtel:4G"],
  ["SN", "Senegal", "Orange:4G"],
  ["US", "United States", "AT&T:5G|T-Mobile:5G|Verizon:5G"],
  ["CA", "Canada", "Rogers:5G|Bell:5G|Telus:4G"],
]

export interface Operator {
  operatorName: string
  networkType: string
}

export interface Country {
  iso: string
  name: string
  operators: Operator[]
}

export const COUNTRIES: ReadonlyMap<string, Country> = new Map(
  COUNTRY_ROWS.map(([iso, name, networks]) => [iso, { iso, name, operators: parseOperators(networks) }])
)

function parseOperators(networks: string): Operator[] {
  return networks.split("|").map((entry) => {
    const split = entry.lastIndexOf(":")
    return { operatorName: entry.slice(0, split), networkType: entry.slice(split + 1) }
  })
}

export function countryOf(iso: string): Country {
  const country = COUNTRIES.get(iso)
  if (!country) {
    throw new Error(`esimfly sandbox: the catalogue names an unknown country ${iso}`)
  }
  return country
}
