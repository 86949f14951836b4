import { EventRandom } from './event-random';

/**
 * Static data of the generator, built once from fixed seeds. Flink builds its URL tables and its
 * 1 MiB base string from unseeded per-JVM randoms; ours are fixed so every run sees the same ones.
 */
export interface NexmarkTables {
  /** FIRST[i] + ' ' + LAST[j] at index i * LAST.length + j. */
  personNames: string[];
  lastNameCount: number;
  cities: string[];
  states: string[];
  /** '%04d' of 0..9999, for credit card groups. */
  fourDigits: string[];
  hotChannels: string[];
  hotUrls: string[];
  /** 'channel-' + k for k in 0..9999. */
  channelNames: string[];
  /** Base URL, with '&channel_id=' + abs(Integer.reverse(k)) in about 90 % of entries. */
  channelUrls: string[];
  /** The 1 MiB random string nextExactString takes substrings of (chars 72..122). */
  baseString: string;
  /** 1 MiB of nextString's characters (' ' with p 1/13, else a..z), see `randomString`. */
  stringPool: string;
}

export const BASE_STRING_SIZE = 1 << 20;
export const CHANNELS_NUMBER = 10_000;

const FIRST_NAMES = ['Peter', 'Paul', 'Luke', 'John', 'Saul', 'Vicky', 'Kate', 'Julie', 'Sarah', 'Deiter', 'Walter'];
const LAST_NAMES = ['Shultz', 'Abrams', 'Spencer', 'White', 'Bartels', 'Walton', 'Smith', 'Jones', 'Noris'];
const US_CITIES = ['Phoenix', 'Los Angeles', 'San Francisco', 'Boise', 'Portland', 'Bend', 'Redmond', 'Seattle', 'Kent', 'Cheyenne'];
const US_STATES = ['AZ', 'CA', 'ID', 'OR', 'WA', 'WY'];
const HOT_CHANNELS = ['Google', 'Facebook', 'Baidu', 'Apple'];

const TABLE_SEED = 0x6e65786d; // 'nexm'
const MIN_STRING_LENGTH = 3;
const CHAR_a = 97;

/** One-byte string of ASCII codes; TextDecoder is ~20× faster than String.fromCharCode chunks. */
function codesToString(codes: Uint8Array): string {
  return new TextDecoder('latin1').decode(codes);
}

/** Java's 'a' + (nextInt() % 26) with a possibly negative remainder: chars 72..122. */
function fillBaseString(random: EventRandom, out: Uint8Array): void {
  for (let i = 0; i < out.length; i++) out[i] = CHAR_a + (random.nextInt32() % 26);
}

/** nextString's characters: ' ' with p 1/13, else a..z. */
function fillStringPool(random: EventRandom, out: Uint8Array): void {
  for (let i = 0; i < out.length; i++) out[i] = random.nextInt(13) === 0 ? 32 : CHAR_a + random.nextInt(26);
}

/** Nexmark's nextString drawn char by char (used for the static URL tables only). */
function nextStringSlow(random: EventRandom, maxLength: number, special: string): string {
  let length = MIN_STRING_LENGTH + random.nextInt(maxLength - MIN_STRING_LENGTH);
  let text = '';
  while (length-- > 0) {
    text += random.nextInt(13) === 0 ? special : String.fromCharCode(CHAR_a + random.nextInt(26));
  }
  return text.trim();
}

function baseUrl(random: EventRandom): string {
  const a = nextStringSlow(random, 5, '_');
  const b = nextStringSlow(random, 5, '_');
  const c = nextStringSlow(random, 5, '_');
  return `https://www.nexmark.com/${a}/${b}/${c}/item.htm?query=1`;
}

/** Java's Integer.reverse: the 32 bits in reverse order, as a signed int. */
export function reverseBits32(value: number): number {
  let v = value | 0;
  v = ((v >>> 1) & 0x55555555) | ((v & 0x55555555) << 1);
  v = ((v >>> 2) & 0x33333333) | ((v & 0x33333333) << 2);
  v = ((v >>> 4) & 0x0f0f0f0f) | ((v & 0x0f0f0f0f) << 4);
  v = ((v >>> 8) & 0x00ff00ff) | ((v & 0x00ff00ff) << 8);
  return ((v >>> 16) | (v << 16)) | 0;
}

/** Java's Math.abs on an int: abs(MIN_VALUE) overflows and stays MIN_VALUE. */
export function javaIntAbs(value: number): number {
  return value === -2147483648 ? value : Math.abs(value);
}

function buildTables(): NexmarkTables {
  const random = new EventRandom(TABLE_SEED);
  random.reset(0);
  const hotUrls = HOT_CHANNELS.map(() => baseUrl(random));
  const channelNames: string[] = [];
  const channelUrls: string[] = [];
  for (let k = 0; k < CHANNELS_NUMBER; k++) {
    channelNames.push(`channel-${k}`);
    let url = baseUrl(random);
    if (random.nextInt(10) > 0) url += `&channel_id=${javaIntAbs(reverseBits32(k))}`;
    channelUrls.push(url);
  }
  // Small loops in their own functions get optimized at once; inline here they ran ~4× slower.
  const base = new Uint8Array(BASE_STRING_SIZE);
  fillBaseString(random, base);
  const pool = new Uint8Array(BASE_STRING_SIZE);
  fillStringPool(random, pool);
  const personNames: string[] = [];
  for (const first of FIRST_NAMES) for (const last of LAST_NAMES) personNames.push(`${first} ${last}`);
  const fourDigits: string[] = [];
  for (let i = 0; i < 10_000; i++) fourDigits.push(String(i).padStart(4, '0'));
  return {
    personNames,
    lastNameCount: LAST_NAMES.length,
    cities: US_CITIES,
    states: US_STATES,
    fourDigits,
    hotChannels: HOT_CHANNELS,
    hotUrls,
    channelNames,
    channelUrls,
    baseString: codesToString(base),
    stringPool: codesToString(pool),
  };
}

let tables: NexmarkTables | undefined;

/** The shared tables, built on first use (50–100 ms: two 1 MiB strings, 10,000 URLs) rather than at import. */
export function nexmarkTables(): NexmarkTables {
  tables ??= buildTables();
  return tables;
}
