#!/usr/bin/python3
"""Books through the v1 contract with python3-grpcio, an independent gRPC implementation.

Usage: booking_client.py --target HOST:PORT --start UNIX_SECONDS

Generates the contract's stubs with protoc into a temporary folder, then: lists the ranges,
books a square in Jaakonmeri as oceanalpha, reads it back, asks for the same space as
tidewater (a rejection), and checks conflicts with no key (UNAUTHENTICATED). Prints one JSON
object with what it saw; exits non-zero with a message when a step does not behave.
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
REPO_ROOT = os.path.normpath(os.path.join(HERE, "..", "..", "..", ".."))
PROTO_ROOT = os.path.join(REPO_ROOT, "proto")
PROTOS = ["rangescheduler/v1/geo.proto", "rangescheduler/v1/ranges.proto",
          "rangescheduler/v1/bookings.proto", "rangescheduler/v1/telemetry.proto"]


def generate(out_dir):
    result = subprocess.run(
        ["protoc", f"-I{PROTO_ROOT}", f"--python_out={out_dir}", f"--grpc_python_out={out_dir}",
         "--plugin=protoc-gen-grpc_python=/usr/bin/grpc_python_plugin", *PROTOS],
        capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit(f"protoc failed: {result.stderr.strip()}")


def square(geo, center_lat, center_lon, half_deg_lat, half_deg_lon):
    ring = geo.Ring(points=[
        geo.LatLng(latitude=center_lat - half_deg_lat, longitude=center_lon - half_deg_lon),
        geo.LatLng(latitude=center_lat - half_deg_lat, longitude=center_lon + half_deg_lon),
        geo.LatLng(latitude=center_lat + half_deg_lat, longitude=center_lon + half_deg_lon),
        geo.LatLng(latitude=center_lat + half_deg_lat, longitude=center_lon - half_deg_lon)])
    return geo.Footprint(polygon=geo.Polygon(exterior=ring))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--target", required=True)
    parser.add_argument("--start", type=int, required=True)
    args = parser.parse_args()
    import grpc

    with tempfile.TemporaryDirectory() as out_dir:
        generate(out_dir)
        sys.path.insert(0, out_dir)
        from rangescheduler.v1 import geo_pb2 as geo, ranges_pb2, ranges_pb2_grpc, bookings_pb2, bookings_pb2_grpc
        from google.protobuf import timestamp_pb2

        channel = grpc.insecure_channel(args.target)
        ranges = ranges_pb2_grpc.RangeServiceStub(channel)
        bookings = bookings_pb2_grpc.BookingServiceStub(channel)
        alpha = [("authorization", "Bearer dev-ops-oceanalpha")]
        tide = [("authorization", "Bearer dev-ops-tidewater")]

        listed = ranges.ListRanges(ranges_pb2.ListRangesRequest(), metadata=alpha, timeout=10)
        start = timestamp_pb2.Timestamp(seconds=args.start)
        end = timestamp_pb2.Timestamp(seconds=args.start + 3600)
        volume = geo.Volume4D(
            footprint=square(geo, 61.31, 21.10, 0.002, 0.004),
            vertical=geo.VerticalBand(lower_m=-10, upper_m=0),
            window=geo.TimeWindow(start=start, end=end))

        def request(title, vehicle):
            return bookings_pb2.CreateBookingRequest(
                range_id="jaakonmeri", title=title, volumes=[volume],
                vehicles=[bookings_pb2.Vehicle(id=vehicle, kind=geo.VEHICLE_KIND_USV, model="python")])

        created = bookings.CreateBooking(request("python trial", "py-usv-1"), metadata=alpha, timeout=10)
        if created.WhichOneof("outcome") != "booking":
            sys.exit(f"expected a booking, got {created}")
        fetched = bookings.GetBooking(bookings_pb2.GetBookingRequest(booking_id=created.booking.id), metadata=alpha, timeout=10)
        rival = bookings.CreateBooking(request("rival", "py-usv-2"), metadata=tide, timeout=10)
        if rival.WhichOneof("outcome") != "rejection":
            sys.exit(f"expected a rejection, got {rival}")
        try:
            bookings.CheckConflicts(bookings_pb2.CheckConflictsRequest(range_id="jaakonmeri", volumes=[volume]), timeout=10)
            sys.exit("CheckConflicts without a key succeeded")
        except grpc.RpcError as error:
            no_key = error.code().name

        print(json.dumps({
            "ranges": [r.id for r in listed.ranges],
            "booking_id": created.booking.id,
            "state": bookings_pb2.BookingState.Name(created.booking.state),
            "fetched_title": fetched.title,
            "rival_conflicts": [
                {"kind": bookings_pb2.Conflict.Kind.Name(c.kind), "other_id": c.other_id} for c in rival.rejection.conflicts],
            "suggested_starts": len(rival.rejection.suggested_starts),
            "no_key": no_key,
        }))


if __name__ == "__main__":
    main()
