/** Every half hour of the day, "00:00" to "23:30": the times Azure accepts for a backup. */
export const HALF_HOURS: readonly string[] = Array.from({ length: 48 }, (_, i) => {
  const hours = String(Math.floor(i / 2)).padStart(2, '0');
  return `${hours}:${i % 2 === 0 ? '00' : '30'}`;
});

/** "19:00" → "19:00 (7:00 PM)": the 24-hour time the policy stores, with the 12-hour time the portal shows. */
export function timeLabel(hhmm: string): string {
  const [h = 0, m = 0] = hhmm.split(':').map(Number);
  const twelve = h % 12 === 0 ? 12 : h % 12;
  return `${hhmm} (${twelve}:${String(m).padStart(2, '0')} ${h < 12 ? 'AM' : 'PM'})`;
}
