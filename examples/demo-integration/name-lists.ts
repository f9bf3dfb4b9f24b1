/** Contact first names. */
export const FIRST_NAMES = [
  "Maya", "Liam", "Noor", "Kenji", "Sofia", "Mateo", "Amara", "Lucas",
  "Ines", "Omar", "Hana", "Felix", "Zara", "Ivan", "Leila", "Theo",
];
/** Contact last names. */
export const LAST_NAMES = [
  "Garcia", "Okafor", "Tanaka", "Novak", "Rossi", "Haddad", "Larsen",
  "Costa", "Kim", "Dubois", "Singh", "Moreau", "Weber", "Silva",
];
/** Contact job titles. */
export const JOB_TITLES = [
  "CEO", "CTO", "VP Sales", "Head of Growth", "RevOps Manager", "Account Executive", "Data Engineer", "Marketing Lead",
];
/** First words of company names. */
export const NAME_STEMS = [
  "Acme", "Globex", "Initech", "Umbrella", "Hooli", "Vandelay", "Stark", "Wayne", "Wonka", "Soylent",
  "Cyberdyne", "Tyrell", "Aperture", "Oscorp", "Gringotts", "Monarch", "Dunder", "Pied Piper", "Nakatomi", "Bluth",
];
/** Last words of company names. */
export const NAME_SUFFIXES = ["Labs", "Systems", "Industries", "Analytics", "Health", "Retail", "Capital", "Media"];
/** Company countries (ISO 3166 alpha-2). */
export const COUNTRIES = ["US", "GB", "FR", "DE", "JP", "BR", "IN", "CA"];
/** What a deal sells; the second half of its name. */
export const PRODUCTS = ["Annual plan", "Pilot", "Enterprise upgrade", "Renewal", "Expansion", "Onboarding package"];
