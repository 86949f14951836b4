import { EngineError } from '../../errors';

// Java's short zone IDs (ZoneId.SHORT_IDS) that Intl does not know.
const SHORT_IDS: Record<string, string> = {
  PST: 'America/Los_Angeles', EST: '-05:00', MST: '-07:00', HST: '-10:00', CST: 'America/Chicago', IST: 'Asia/Kolkata',
  JST: 'Asia/Tokyo', CTT: 'Asia/Shanghai', ECT: 'Europe/Paris', AET: 'Australia/Sydney', BST: 'Asia/Dhaka', PRT: 'America/Puerto_Rico',
};

const formats = new Map<string, Intl.DateTimeFormat>();

function fixedOffset(zone: string): number | undefined {
  const m = /^(?:GMT|UTC|UT)?([+-])(\d{1,2})(?::?(\d{2}))?$/.exec(zone);
  if (m) return (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3] ?? 0));
  return ['UTC', 'GMT', 'UT', 'Z'].includes(zone) ? 0 : undefined;
}

/** Offset of a zone from UTC at an instant, in minutes ('Asia/Tokyo', 'GMT-08:00', 'PST'). */
export function zoneOffsetMinutes(zoneId: string, instantMs: number): number {
  const zone = SHORT_IDS[zoneId] ?? zoneId;
  const fixed = fixedOffset(zone);
  if (fixed !== undefined) return fixed;
  let format = formats.get(zone);
  if (!format) {
    try {
      format = new Intl.DateTimeFormat('en-US', { timeZone: zone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' });
    } catch {
      throw new EngineError(`unknown time zone '${zoneId}'`, { code: 'UNKNOWN_TIME_ZONE', domain: 'user' });
    }
    formats.set(zone, format);
  }
  const parts = Object.fromEntries(format.formatToParts(new Date(instantMs)).map((p) => [p.type, Number(p.value)]));
  const wall = Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second);
  return Math.round((wall - Math.floor(instantMs / 1000) * 1000) / 60_000);
}

/** The instant at which a zone's wall clock shows `wallMs` (UTC-read milliseconds). */
export function wallToInstant(wallMs: number, zoneId: string): number {
  let instant = wallMs - zoneOffsetMinutes(zoneId, wallMs) * 60_000;
  instant = wallMs - zoneOffsetMinutes(zoneId, instant) * 60_000;
  return instant;
}

/** The wall clock (UTC-read milliseconds) a zone shows at an instant. */
export function instantToWall(instantMs: number, zoneId: string): number {
  return instantMs + zoneOffsetMinutes(zoneId, instantMs) * 60_000;
}
