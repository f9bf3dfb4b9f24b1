import { COUNTRIES, FIRST_NAMES, JOB_TITLES, LAST_NAMES, NAME_STEMS, NAME_SUFFIXES, PRODUCTS } from "./name-lists";
import { CURRENCIES, DEAL_STAGES, INDUSTRIES, LIFECYCLE_STAGES } from "./objects";
import { createRandom, type Random } from "./prng";
import type { Company, Contact, CrmRecord, Dataset, Deal, Owner } from "./record-types";

/** How many records of each object type the dataset holds. */
export const RECORDS_PER_OBJECT = 50;
const SEED = 0x0ca260;
const EPOCH = Date.UTC(2024, 0, 1);
const DAY = 86_400_000;
/** Generated timestamps stay before this, so anything the server writes later sorts after them. */
const LATEST = Date.UTC(2025, 5, 30);

const OWNERS: Owner[] = [
  ["Ada Lovelace", "Sales"], ["Grace Hopper", "Sales"], ["Alan Turing", "Sales"], ["Katherine Johnson", "Sales"],
  ["Edsger Dijkstra", "Customer Success"], ["Barbara Liskov", "Customer Success"],
  ["Donald Knuth", "Partnerships"], ["Margaret Hamilton", "Partnerships"],
].map(([name, team], index) => ({
  id: `own_${pad(index + 1)}`,
  name: name as string,
  email: `${(name as string).toLowerCase().replace(" ", ".")}@democrm.example`,
  team: team as string,
}));

/** Builds the fixed fixture CRM; every call returns an identical, independent copy. */
export function generateDataset(): Dataset {
  const random = createRandom(SEED);
  const companies = generateCompanies(random);
  const contacts = generateContacts(random, companies);
  const deals = generateDeals(random, companies, contacts);
  return {
    owners: OWNERS.map((owner) => ({ ...owner })),
    records: {
      contacts: contacts as unknown as CrmRecord[],
      companies: companies as unknown as CrmRecord[],
      deals: deals as unknown as CrmRecord[],
    },
  };
}

function generateCompanies(random: Random): Company[] {
  const names = new Set<string>();
  while (names.size < RECORDS_PER_OBJECT) names.add(`${random.pick(NAME_STEMS)} ${random.pick(NAME_SUFFIXES)}`);
  const times = timeline(random);
  return [...names].map((name, index) => ({
    id: `com_${pad(index + 1)}`,
    name,
    domain: `${name.toLowerCase().replace(/[^a-z]+/g, "")}.example`,
    industry: random.pick(INDUSTRIES),
    employeeCount: Math.round(10 ** (1 + random.next() * 3.5)),
    country: random.pick(COUNTRIES),
    ownerId: random.pick(OWNERS).id,
    ...times[index]!,
  }));
}

function generateContacts(random: Random, companies: Company[]): Contact[] {
  const emails = new Set<string>();
  const times = timeline(random);
  return times.map((time, index) => {
    const company = random.pick(companies);
    const firstName = random.pick(FIRST_NAMES);
    const lastName = random.pick(LAST_NAMES);
    let email = `${firstName}.${lastName}@${company.domain}`.toLowerCase();
    for (let n = 2; emails.has(email); n++) email = `${firstName}.${lastName}${n}@${company.domain}`.toLowerCase();
    emails.add(email);
    return {
      id: `con_${pad(index + 1)}`,
      firstName,
      lastName,
      email,
      jobTitle: random.pick(JOB_TITLES),
      companyId: company.id,
      ownerId: company.ownerId,
      lifecycleStage: random.pick(LIFECYCLE_STAGES),
      ...time,
    };
  });
}

function generateDeals(random: Random, companies: Company[], contacts: Contact[]): Deal[] {
  const times = timeline(random);
  return times.map((time, index) => {
    const company = random.pick(companies);
    const contact = contacts.find((candidate) => candidate.companyId === company.id) ?? null;
    return {
      id: `deal_${pad(index + 1)}`,
      name: `${company.name} – ${random.pick(PRODUCTS)}`,
      amount: random.int(10, 2500) * 100,
      currency: random.next() < 0.7 ? "USD" : random.pick(CURRENCIES),
      stage: random.pick(DEAL_STAGES),
      companyId: company.id,
      contactId: contact?.id ?? null,
      ownerId: random.pick(OWNERS).id,
      closeDate: new Date(Date.parse(time.createdAt) + random.int(14, 120) * DAY).toISOString().slice(0, 10),
      ...time,
    };
  });
}

/** Creation times that grow with the id, each with a later update time, all before LATEST. */
function timeline(random: Random): Array<{ createdAt: string; updatedAt: string }> {
  const span = LATEST - EPOCH - 120 * DAY;
  const created = Array.from({ length: RECORDS_PER_OBJECT }, () => {
    const offsetSeconds = Math.floor((random.next() * span) / 1000);
    return EPOCH + offsetSeconds * 1000;
  });
  created.sort((a, b) => a - b);
  return created.map((createdAt) => ({
    createdAt: new Date(createdAt).toISOString(),
    updatedAt: new Date(createdAt + random.int(0, 120 * 86_400) * 1000).toISOString(),
  }));
}

/** Zero-pads a record number to three digits: 7 → "007". */
export function pad(value: number): string {
  return String(value).padStart(3, "0");
}
