#!/usr/bin/python3
"""A ground station and a range controller through python3-grpcio (issue 5's interop check).

Usage: telemetry_client.py --target HOST:PORT

Books a square on Jaakonmeri as oceanalpha starting a second from now, waits until it is
ACTIVE, then watches the range as its controller (WatchRange, positions on) while a ground
station streams three batches over StreamPositions: a fix inside the square, a fix 110 m
outside it, and a fix with an impossible latitude. Prints one JSON object: the acks, the
alerts the station received, and what the watcher saw; exits non-zero when a step does not
behave.
"""
import argparse
import json
import queue
import sys
import tempfile
import threading
import time

from booking_client import generate, square

OPERATOR = [("authorization", "Bearer dev-ops-oceanalpha")]
STATION = [("authorization", "Bearer dev-gs-oceanalpha-1")]
CONTROLLER = [("authorization", "Bearer dev-ctl-jaakonmeri")]
CENTRE = (61.31, 21.10)


def book_active(geo, bookings_pb2, stub):
    from google.protobuf import timestamp_pb2
    start = time.time() + 1
    window = geo.TimeWindow(start=timestamp_pb2.Timestamp(), end=timestamp_pb2.Timestamp())
    window.start.FromNanoseconds(int(start * 1e9))
    window.end.FromNanoseconds(int((start + 120) * 1e9))
    request = bookings_pb2.CreateBookingRequest(
        range_id="jaakonmeri", title="python telemetry",
        volumes=[geo.Volume4D(footprint=square(geo, CENTRE[0], CENTRE[1], 0.0015, 0.003),
                              vertical=geo.VerticalBand(lower_m=-10, upper_m=0), window=window)],
        vehicles=[bookings_pb2.Vehicle(id="py-usv-1", kind=geo.VEHICLE_KIND_USV, model="python")])
    created = stub.CreateBooking(request, metadata=OPERATOR, timeout=10)
    if created.WhichOneof("outcome") != "booking":
        sys.exit(f"expected a booking, got {created}")
    deadline = time.time() + 20
    while time.time() < deadline:
        booking = stub.GetBooking(bookings_pb2.GetBookingRequest(booking_id=created.booking.id), metadata=OPERATOR, timeout=10)
        if booking.state == bookings_pb2.BOOKING_STATE_ACTIVE:
            return booking.id
        time.sleep(0.05)
    sys.exit("the booking did not become active")


def report(telemetry_pb2, booking_id, sequence, latitude, longitude):
    fix = telemetry_pb2.PositionReport(booking_id=booking_id, vehicle_id="py-usv-1", sequence=sequence,
                                       latitude=latitude, longitude=longitude)
    fix.time.FromNanoseconds(time.time_ns())
    return fix


def watch_range(telemetry_pb2, call, seen, done):
    for event in call:
        kind = event.WhichOneof("event")
        if kind == "snapshot":
            seen["snapshot"] = True
        elif kind == "position":
            seen["positions"].append(event.position.report.sequence)
        elif kind == "alert":
            seen["alerts"].append(telemetry_pb2.AlertKind.Name(event.alert.kind))
            if event.alert.kind == telemetry_pb2.ALERT_KIND_LEFT_VOLUME:
                done.set()
                break


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--target", required=True)
    args = parser.parse_args()
    import grpc

    with tempfile.TemporaryDirectory() as out_dir:
        generate(out_dir)
        sys.path.insert(0, out_dir)
        from rangescheduler.v1 import geo_pb2 as geo, bookings_pb2, bookings_pb2_grpc, telemetry_pb2, telemetry_pb2_grpc

        channel = grpc.insecure_channel(args.target)
        booking_id = book_active(geo, bookings_pb2, bookings_pb2_grpc.BookingServiceStub(channel))

        monitor = telemetry_pb2_grpc.MonitorServiceStub(channel)
        watch = monitor.WatchRange(telemetry_pb2.WatchRangeRequest(range_id="jaakonmeri", booking_ids=[booking_id], positions=True),
                                   metadata=CONTROLLER, timeout=60)
        watch.initial_metadata()
        seen = {"snapshot": False, "positions": [], "alerts": []}
        left = threading.Event()
        watcher = threading.Thread(target=watch_range, args=(telemetry_pb2, watch, seen, left))
        watcher.start()

        batches = queue.Queue()
        stream = telemetry_pb2_grpc.TelemetryServiceStub(channel).StreamPositions(iter(batches.get, None), metadata=STATION, timeout=60)
        outside = CENTRE[0] + 0.0015 + 110 / 111_320
        batches.put(telemetry_pb2.PositionBatch(batch_id=1, reports=[report(telemetry_pb2, booking_id, 1, *CENTRE)]))
        batches.put(telemetry_pb2.PositionBatch(batch_id=2, reports=[report(telemetry_pb2, booking_id, 2, outside, CENTRE[1])]))
        batches.put(telemetry_pb2.PositionBatch(batch_id=3, reports=[report(telemetry_pb2, booking_id, 3, 95.0, CENTRE[1])]))
        acks, station_alerts = [], []
        for feedback in stream:
            kind = feedback.WhichOneof("kind")
            if kind == "ack":
                acks.append({"batch_id": feedback.ack.batch_id, "accepted": feedback.ack.accepted,
                             "rejected": [telemetry_pb2.RejectedReport.Code.Name(r.code) for r in feedback.ack.rejected],
                             "reasons": [r.reason for r in feedback.ack.rejected]})
            elif kind == "alert":
                station_alerts.append(telemetry_pb2.AlertKind.Name(feedback.alert.kind))
            if len(acks) == 3 and "ALERT_KIND_LEFT_VOLUME" in station_alerts:
                break
        batches.put(None)
        stream.cancel()
        if not left.wait(10):
            watch.cancel()
            watcher.join()
            sys.exit(f"the watcher saw no LEFT_VOLUME: {seen}")
        watch.cancel()
        watcher.join()
        print(json.dumps({"acks": acks, "station_alerts": station_alerts, "watch": seen}))


if __name__ == "__main__":
    main()
