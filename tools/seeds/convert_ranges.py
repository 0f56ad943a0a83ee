#!/usr/bin/env python3
"""Regenerates seeds/ranges/*.json and seeds/closures/*.json from the source range data.

The input is tools/seeds/ranges.json, an unchanged copy of the project's shared
data/ranges/ranges.json (coordinates [latitude, longitude]); --source reads another.
Every output file is proto3 JSON that Google.Protobuf's JsonParser reads: a
rangescheduler.v1.TestRange per range, and a rangescheduler.v1.ListClosuresResponse per
range that has recurring closures. Standard library only.

    python3 tools/seeds/convert_ranges.py            # rewrite the seeds
    python3 tools/seeds/convert_ranges.py --check    # exit 1 when a seed is out of date
"""
import argparse
import json
import re
import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

REPO = Path(__file__).resolve().parents[2]
DEFAULT_SOURCE = Path(__file__).resolve().parent / "ranges.json"
DAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
# The contract's TestRange has no field for a yearly closure, so each year becomes one
# Closure; the years are fixed so that regenerating gives the same files.
CLOSURE_YEARS = range(2027, 2032)
# A range's domain decides which vehicles may book it (contract: allowed_vehicle_kinds).
VEHICLE_KINDS = {
    "AIR": ["VEHICLE_KIND_UAV"],
    "SEA": ["VEHICLE_KIND_USV", "VEHICLE_KIND_UUV"],
    "AIR_AND_SEA": [],
}


def polygon(points):
    return {"exterior": {"points": [{"latitude": lat, "longitude": lng} for lat, lng in points]}}


def band(limits):
    lower, upper = limits
    return {"lowerM": lower, "upperM": upper}


def minute(text):
    hours, minutes = (int(part) for part in text.split(":"))
    return hours * 60 + minutes


def weekly_windows(text):
    """'Mon-Sat 08:00-18:00' (clauses joined by ',') -> WeeklyWindow list, Monday = 1."""
    windows = []
    for clause in filter(None, (c.strip() for c in text.split(","))):
        match = re.fullmatch(r"(\w{3})(?:-(\w{3}))? (\d\d:\d\d)-(\d\d:\d\d)", clause)
        if not match:
            raise ValueError(f"operating hours clause not understood: {clause!r}")
        first, last, start, end = match.groups()
        days = range(DAYS.index(first) + 1, DAYS.index(last or first) + 2)
        start_minute, end_minute = minute(start), minute(end)
        for day in days:
            # The contract's windows do not cross midnight: split one that does.
            if end_minute > start_minute:
                windows.append(window(day, start_minute, end_minute))
            else:
                windows.append(window(day, start_minute, 1440))
                windows.append(window(day % 7 + 1, 0, end_minute))
    return sorted(windows, key=lambda w: (w["isoDayOfWeek"], w["startMinute"]))


def window(day, start_minute, end_minute):
    return {"isoDayOfWeek": day, "startMinute": start_minute, "endMinute": end_minute}


def zone_name(zone_id):
    """'phase1-commissioning' -> 'Phase 1 commissioning': the data gives zones ids only."""
    words = re.sub(r"([a-z])(\d)", r"\1 \2", zone_id).replace("-", " ")
    return words[:1].upper() + words[1:]


def zone(source):
    return {
        "id": source["id"],
        "name": zone_name(source["id"]),
        "kind": "ZONE_KIND_" + source["kind"],
        "footprint": {"polygon": polygon(source["area"])},
        "vertical": band(source["vertical_m"]),
    }


def test_range(source):
    separation = source["separation"]
    converted = {
        "id": source["id"],
        "name": source["name"],
        "domain": "RANGE_DOMAIN_" + source["domain"],
        "boundary": polygon(source["boundary"]),
        "verticalLimits": band(source["vertical_limits_m"]),
        "timeZone": source["time_zone"],
        "operatingHours": weekly_windows(source.get("operating_hours_local", "")),
        "separation": {
            "horizontalM": separation["horizontal_m"],
            "verticalM": separation["vertical_m"],
            "timeBuffer": f"{separation['time_buffer_s']}s",
        },
        "maxConcurrentSessions": source.get("max_concurrent_sessions", 0),
        "allowedVehicleKinds": VEHICLE_KINDS[source["domain"]],
        "zones": [zone(z) for z in source["zones"]],
        "version": "1",
    }
    return {key: value for key, value in converted.items() if value not in ([], "")}


def closures(source):
    """'every year 1 May - 30 June (whole area)' -> one whole-range Closure per year."""
    text = source.get("closures")
    if not text:
        return []
    match = re.fullmatch(r"every year (\d+) (\w+) - (\d+) (\w+) \(whole area\)", text)
    if not match:
        raise ValueError(f"closure not understood: {text!r}")
    first_day, first_month, last_day, last_month = match.groups()
    zone_info = ZoneInfo(source["time_zone"])
    result = []
    for year in CLOSURE_YEARS:
        start = local_midnight(year, first_month, int(first_day), zone_info)
        # Windows are half-open: the closure ends at the midnight after its last day.
        end = local_midnight(year, last_month, int(last_day) + 1, zone_info)
        result.append({
            "id": f"{source['id']}-closed-{year}",
            "rangeId": source["id"],
            "window": {"start": start, "end": end},
            "reason": f"No tests {first_day} {first_month} - {last_day} {last_month} (every year, whole area)",
            "version": "1",
        })
    return result


def local_midnight(year, month_name, day, zone_info):
    """The UTC time of local midnight at the start of a day; day may be one past the month's end."""
    month = datetime.strptime(month_name, "%B").month
    local = datetime(year, month, 1) + timedelta(days=day - 1)
    return local.replace(tzinfo=zone_info).astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def outputs(data):
    files = {}
    for source in data["ranges"]:
        files[REPO / "seeds" / "ranges" / f"{source['id']}.json"] = test_range(source)
        range_closures = closures(source)
        if range_closures:
            files[REPO / "seeds" / "closures" / f"{source['id']}.json"] = {"closures": range_closures}
    return {path: json.dumps(body, indent=2, ensure_ascii=False) + "\n" for path, body in files.items()}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source", type=Path, default=DEFAULT_SOURCE)
    parser.add_argument("--check", action="store_true", help="report stale seeds instead of writing")
    args = parser.parse_args()
    files = outputs(json.loads(args.source.read_text(encoding="utf-8")))
    stale = [path for path, text in files.items() if not path.exists() or path.read_text(encoding="utf-8") != text]
    for path in stale:
        if args.check:
            print(f"out of date: {path.relative_to(REPO)}", file=sys.stderr)
        else:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(files[path], encoding="utf-8")
            print(f"wrote {path.relative_to(REPO)}")
    return 1 if args.check and stale else 0


if __name__ == "__main__":
    sys.exit(main())
