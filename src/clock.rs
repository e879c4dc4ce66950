//! Date arithmetic the pipeline needs without a date library: HTTP-dates (`Date`, `Retry-After`) and the
//! API's zone-less local date-times. Pure parsing: no clock reads, no allocation beyond the input.

/// Milliseconds since the Unix epoch of an IMF-fixdate such as `Sun, 06 Nov 1994 08:49:37 GMT`.
pub fn parse_http_date(text: &str) -> Option<u64> {
    let mut parts = text.trim().split_ascii_whitespace();
    let _weekday = parts.next()?;
    let day = number(parts.next()?)?;
    let month = month_number(parts.next()?)?;
    let year = i64::from(number(parts.next()?)?);
    let (hour, minute, second) = parse_hms(parts.next()?)?;
    if parts.next()? != "GMT" || parts.next().is_some() {
        return None;
    }
    epoch_ms(year, month, day, hour, minute, second)
}

/// Milliseconds since the Unix epoch of an ISO 8601 local date-time (`2026-03-18T10:30:00`, optional
/// fraction) read in a zone `offset_minutes` east of UTC. NCP's Korean region writes KST (+540).
pub fn parse_local_date_time(text: &str, offset_minutes: i64) -> Option<u64> {
    let (date, time) = text.trim().split_once('T')?;
    let mut ymd = date.split('-');
    let year = i64::from(number(ymd.next()?)?);
    let month = number(ymd.next()?)?;
    let day = number(ymd.next()?)?;
    if ymd.next().is_some() {
        return None;
    }
    let whole_seconds = time.split('.').next()?;
    let (hour, minute, second) = parse_hms(whole_seconds)?;
    let local = epoch_ms(year, month, day, hour, minute, second)?;
    let shifted = i128::from(local) - i128::from(offset_minutes) * 60_000;
    u64::try_from(shifted).ok()
}

fn parse_hms(text: &str) -> Option<(u32, u32, u32)> {
    let mut hms = text.split(':');
    let hour = number(hms.next()?)?;
    let minute = number(hms.next()?)?;
    let second = number(hms.next()?)?;
    if hms.next().is_some() || hour > 23 || minute > 59 || second > 60 {
        return None;
    }
    Some((hour, minute, second))
}

/// A field of digits only (at most 9, so it fits a `u32`).
fn number(text: &str) -> Option<u32> {
    crate::text::digits(text).filter(|_| text.len() <= 9).and_then(|n| u32::try_from(n).ok())
}

fn month_number(name: &str) -> Option<u32> {
    const MONTHS: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
    MONTHS.iter().position(|m| *m == name).and_then(|i| u32::try_from(i + 1).ok())
}

/// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's days_from_civil).
fn days_from_civil(year: i64, month: u32, day: u32) -> i64 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(month);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(day) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

fn epoch_ms(year: i64, month: u32, day: u32, hour: u32, minute: u32, second: u32) -> Option<u64> {
    if !(1..=12).contains(&month) || !(1..=31).contains(&day) || !(1970..=9999).contains(&year) {
        return None;
    }
    let seconds = days_from_civil(year, month, day) * 86_400
        + i64::from(hour) * 3_600
        + i64::from(minute) * 60
        + i64::from(second);
    u64::try_from(seconds).ok()?.checked_mul(1000)
}
