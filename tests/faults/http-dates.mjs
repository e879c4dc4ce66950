// HTTP-dates in the three forms of RFC 9110 5.6.7, for the fault tests (kinds.mjs, matrix.mjs).
const DAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const two = (n) => String(n).padStart(2, "0");
const hms = (d) => `${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())}`;

/** form name -> (ms since the epoch) -> the HTTP-date of that second. */
export const DATE_FORMS = {
  // Sun, 06 Nov 1994 08:49:37 GMT
  "IMF-fixdate": (ms) => new Date(ms).toUTCString(),
  // Sunday, 06-Nov-94 08:49:37 GMT
  "RFC 850": (ms) => {
    const d = new Date(ms);
    return `${DAYS[d.getUTCDay()]}, ${two(d.getUTCDate())}-${MONTHS[d.getUTCMonth()]}-${two(d.getUTCFullYear() % 100)} ${hms(d)} GMT`;
  },
  // Sun Nov  6 08:49:37 1994
  asctime: (ms) => {
    const d = new Date(ms);
    return `${DAYS[d.getUTCDay()].slice(0, 3)} ${MONTHS[d.getUTCMonth()]} ${String(d.getUTCDate()).padStart(2, " ")} ${hms(d)} ${d.getUTCFullYear()}`;
  },
};

/** Resolves early in a second (at most 300 ms into it), so that a date one second ahead is read as
 *  about a second from now, whatever the Date header's truncation. */
export async function earlyInASecond() {
  const ms = Date.now() % 1000;
  if (ms > 300) await new Promise((done) => setTimeout(done, 1000 - ms + 20));
}
