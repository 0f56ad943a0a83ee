#!/usr/bin/python3
"""Watches a session start and end by itself through WatchBookings, with python3-grpcio.

Usage:
  session_watch.py run    --target HOST:PORT [--start-in S] [--duration S]
  session_watch.py create --target HOST:PORT [--start-in S] [--duration S]
  session_watch.py watch  --target HOST:PORT --booking ID

run: subscribes to WatchBookings on Jaakonmeri as oceanalpha, books a square starting
--start-in seconds from now and lasting --duration seconds, and reads the stream until the
booking is COMPLETED. create: only books (for a restart between booking and watching).
watch: only reads the stream until the booking is COMPLETED. Prints one JSON object: the
booking (id, state when made, start and end in Unix seconds) and every event of it with the
Unix time it arrived; exits non-zero with a message when a step does not behave.
"""
import argparse
import json
import sys
import tempfile
import time

# The contract's stubs and squares are made as for booking_client.py, beside this file.
from booking_client import generate, square

ALPHA = [("authorization", "Bearer dev-ops-oceanalpha")]


def book(geo, bookings_pb2, stub, start_in, duration):
    from google.protobuf import timestamp_pb2
    start = time.time() + start_in
    window = geo.TimeWindow(start=timestamp_pb2.Timestamp(), end=timestamp_pb2.Timestamp())
    window.start.FromNanoseconds(int(start * 1e9))
    window.end.FromNanoseconds(int((start + duration) * 1e9))
    request = bookings_pb2.CreateBookingRequest(
        range_id="jaakonmeri", title="python session",
        volumes=[geo.Volume4D(footprint=square(geo, 61.29, 21.06, 0.0015, 0.003),
                              vertical=geo.VerticalBand(lower_m=-10, upper_m=0), window=window)],
        vehicles=[bookings_pb2.Vehicle(id="py-session-usv", kind=geo.VEHICLE_KIND_USV, model="python")])
    created = stub.CreateBooking(request, metadata=ALPHA, timeout=10)
    if created.WhichOneof("outcome") != "booking":
        sys.exit(f"expected a booking, got {created}")
    return {"id": created.booking.id, "state": bookings_pb2.BookingState.Name(created.booking.state),
            "start": start, "end": start + duration}


def watch(bookings_pb2, call, booking_id, deadline):
    events = []
    for event in call:
        if event.booking.id != booking_id:
            continue
        change = bookings_pb2.BookingChange.Name(event.change)
        events.append({"change": change, "received": time.time(),
                       "state": bookings_pb2.BookingState.Name(event.booking.state),
                       "time": event.time.ToNanoseconds() / 1e9})
        if change == "BOOKING_CHANGE_COMPLETED" or time.time() > deadline:
            break
    call.cancel()
    return events


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("mode", choices=["run", "create", "watch"])
    parser.add_argument("--target", required=True)
    parser.add_argument("--start-in", type=float, default=3)
    parser.add_argument("--duration", type=float, default=5)
    parser.add_argument("--booking")
    args = parser.parse_args()
    import grpc

    with tempfile.TemporaryDirectory() as out_dir:
        generate(out_dir)
        sys.path.insert(0, out_dir)
        from rangescheduler.v1 import geo_pb2 as geo, bookings_pb2, bookings_pb2_grpc

        stub = bookings_pb2_grpc.BookingServiceStub(grpc.insecure_channel(args.target))
        if args.mode == "create":
            print(json.dumps({"booking": book(geo, bookings_pb2, stub, args.start_in, args.duration)}))
            return
        call = stub.WatchBookings(bookings_pb2.WatchBookingsRequest(range_id="jaakonmeri"), metadata=ALPHA, timeout=60)
        # The server sends the stream's headers once the watcher is subscribed: nothing after is missed.
        call.initial_metadata()
        booking = book(geo, bookings_pb2, stub, args.start_in, args.duration) if args.mode == "run" else {"id": args.booking}
        events = watch(bookings_pb2, call, booking["id"], time.time() + 45)
        print(json.dumps({"booking": booking, "events": events}))


if __name__ == "__main__":
    main()
