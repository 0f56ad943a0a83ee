#!/usr/bin/python3
"""Calls the echo test service (Protos/echo.proto) with grpcio, one case per invocation.

Usage: PYTHONPATH=STUBS interop_client.py --target HOST:PORT --case NAME

STUBS is the directory generate_stubs.py wrote the generated modules to. On success the
case's observations are printed to stdout as one JSON object and the exit code is 0; when
the server breaks the contract, a message goes to stderr and the exit code is 1.
"""
import argparse
import base64
import json
import queue
import sys
import time

try:
    import grpc
    from google.protobuf import descriptor_pb2, descriptor_pool
except ImportError as missing:
    sys.exit(f"{missing}: run tools/test.sh to install python3-grpcio and python3-protobuf")
try:
    import echo_pb2
    import echo_pb2_grpc
    from grpc_health.v1 import health_pb2, health_pb2_grpc
    from grpc_reflection.v1 import reflection_pb2 as v1_pb2, reflection_pb2_grpc as v1_pb2_grpc
    from grpc_reflection.v1alpha import (reflection_pb2 as v1alpha_pb2,
                                         reflection_pb2_grpc as v1alpha_pb2_grpc)
except ImportError as missing:
    sys.exit(f"{missing}: put the output directory of generate_stubs.py on PYTHONPATH")

CALL_TIMEOUT_S = 10.0
ONE_MIB = 1024 * 1024
# Encoded as base64 it needs padding, and it is not valid UTF-8: both are easy to get wrong.
BINARY_METADATA = b"\x00\xff\xfe\x80bin"
TEXT_METADATA = "interop-value"
NON_ASCII_MESSAGE = "Höhe außerhalb des Bereichs — 高度超出范围 ✈"
ECHO_SERVICE = "rangescheduler.testing.v1.EchoService"
HEALTH_SERVICE = "grpc.health.v1.Health"
REFLECTION_SERVICES = ("grpc.reflection.v1.ServerReflection",
                       "grpc.reflection.v1alpha.ServerReflection")


class ContractBroken(Exception):
    """The server answered, but not as echo.proto or the gRPC protocol says it must."""


def expect(condition, message):
    if not condition:
        raise ContractBroken(message)


def expect_status(call, code, **kwargs):
    """Runs call(**kwargs), which must fail with code; returns the grpc.RpcError."""
    try:
        outcome = call(**kwargs)
    except grpc.RpcError as error:
        expect(error.code() == code,
               f"expected {code.name}, got {error.code().name}: {error.details()!r}")
        return error
    raise ContractBroken(f"expected {code.name}, but the call succeeded with {outcome!r}")


def metadata_dict(metadata):
    """Metadata as JSON: text values as they are, binary ones as hex."""
    return {key: value.hex() if isinstance(value, bytes) else value
            for key, value in (metadata or ())}


def case_unary(channel):
    stub = echo_pb2_grpc.EchoServiceStub(channel)
    payload = bytes(range(256))
    reply = stub.Echo(echo_pb2.EchoRequest(text="hello", payload=payload),
                      timeout=CALL_TIMEOUT_S)
    expect(reply.text == "hello", f"text {reply.text!r}")
    expect(reply.payload == payload, "payload differs")
    return {"text": reply.text, "payload_length": len(reply.payload),
            "deadline_ms_left": reply.deadline_ms_left}


def case_server_streaming(channel):
    stub = echo_pb2_grpc.EchoServiceStub(channel)
    replies = list(stub.Expand(echo_pb2.EchoRequest(text="x", count=5), timeout=CALL_TIMEOUT_S))
    texts = [reply.text for reply in replies]
    expect(texts == [f"x-{i}" for i in range(5)], f"texts {texts}")
    return {"texts": texts, "indexes": [reply.index for reply in replies]}


def case_server_streaming_error(channel):
    """The status comes in trailers after messages here, not in a trailers-only response."""
    stub = echo_pb2_grpc.EchoServiceStub(channel)
    call = stub.Expand(echo_pb2.EchoRequest(text="y", count=2, fail_with_code=9,
                                            fail_message="stopped after two"),
                       timeout=CALL_TIMEOUT_S)
    texts = []
    try:
        for reply in call:
            texts.append(reply.text)
    except grpc.RpcError as error:
        expect(error.code() == grpc.StatusCode.FAILED_PRECONDITION,
               f"status {error.code().name}: {error.details()!r}")
        return {"texts": texts, "code": error.code().name, "details": error.details()}
    raise ContractBroken(f"stream ended with OK after {texts}")


def case_client_streaming(channel):
    stub = echo_pb2_grpc.EchoServiceStub(channel)
    texts = [f"c{i}" for i in range(10)]
    summary = stub.Collect(iter([echo_pb2.EchoRequest(text=t) for t in texts]),
                           timeout=CALL_TIMEOUT_S)
    expect(summary.count == len(texts), f"count {summary.count}")
    expect(summary.joined == ",".join(texts), f"joined {summary.joined!r}")
    return {"count": summary.count, "joined": summary.joined}


def case_bidi(channel):
    """Sends each message only after the reply to the previous one has arrived, so the
    server must answer while the request stream is still open."""
    stub = echo_pb2_grpc.EchoServiceStub(channel)
    total = 100
    received = queue.Queue()
    stalled = []

    def requests():
        for i in range(total):
            yield echo_pb2.EchoRequest(text=f"chat-{i}", payload=i.to_bytes(2, "big"))
            try:
                received.get(timeout=CALL_TIMEOUT_S)
            except queue.Empty:
                stalled.append(i)
                return

    replies = []
    for reply in stub.Chat(requests(), timeout=3 * CALL_TIMEOUT_S):
        replies.append(reply)
        received.put(reply.index)
    expect(not stalled, f"no reply to message {stalled} while the request stream was open")
    expect(len(replies) == total, f"{len(replies)} replies")
    for i, reply in enumerate(replies):
        expect(reply.text == f"chat-{i}" and reply.index == i
               and reply.payload == i.to_bytes(2, "big"),
               f"reply {i}: text {reply.text!r}, index {reply.index}")
    return {"replies": len(replies), "first": replies[0].text, "last": replies[-1].text,
            "last_index": replies[-1].index}


def case_error_status(channel):
    stub = echo_pb2_grpc.EchoServiceStub(channel)
    error = expect_status(
        stub.Echo, grpc.StatusCode.INVALID_ARGUMENT,
        request=echo_pb2.EchoRequest(fail_with_code=3, fail_message=NON_ASCII_MESSAGE),
        timeout=CALL_TIMEOUT_S)
    expect(error.details() == NON_ASCII_MESSAGE, f"details {error.details()!r}")
    return {"code": error.code().name, "details": error.details()}


def case_deadline(channel):
    stub = echo_pb2_grpc.EchoServiceStub(channel)
    # Waiting on the future bounds the test without putting a grpc-timeout on the wire.
    unbounded = stub.Echo.future(echo_pb2.EchoRequest(text="untimed")).result(
        timeout=CALL_TIMEOUT_S)
    expect(unbounded.deadline_ms_left == 0,
           f"server derived {unbounded.deadline_ms_left} ms from a call without a timeout")
    reply = stub.Echo(echo_pb2.EchoRequest(text="timed"), timeout=5.0)
    # grpcio rounds the time left up to 10 ms units, measured on a clock it caches, so the
    # server may be told a little more than 5 s.
    expect(4000 <= reply.deadline_ms_left <= 5100,
           f"server derived {reply.deadline_ms_left} ms from a 5 s timeout")

    started = time.monotonic()
    error = expect_status(stub.Echo, grpc.StatusCode.DEADLINE_EXCEEDED,
                          request=echo_pb2.EchoRequest(delay_ms=2000), timeout=0.2)
    elapsed_ms = round((time.monotonic() - started) * 1000)
    expect(elapsed_ms < 1000, f"DEADLINE_EXCEEDED after {elapsed_ms} ms")
    return {"code": error.code().name, "elapsed_ms": elapsed_ms,
            "deadline_ms_left_without_timeout": unbounded.deadline_ms_left,
            "deadline_ms_left_of_5s": reply.deadline_ms_left}


def case_metadata(channel):
    stub = echo_pb2_grpc.EchoServiceStub(channel)
    reply, call = stub.Echo.with_call(
        echo_pb2.EchoRequest(text="meta"),
        metadata=(("x-text", TEXT_METADATA), ("x-data-bin", BINARY_METADATA),
                  ("ignored-key", "not echoed")),
        timeout=CALL_TIMEOUT_S)

    seen = {}
    for entry in reply.seen_metadata:
        key, _, value = entry.partition("=")
        seen[key] = value
    expect(seen.get("x-text") == TEXT_METADATA, f"seen_metadata {list(reply.seen_metadata)}")
    expect("ignored-key" not in seen, "seen_metadata lists a key not starting with x-")
    encoded = seen.get("x-data-bin", "")
    # Either base64 form is valid, so compare bytes, not text.
    decoded = base64.b64decode(encoded + "=" * (-len(encoded) % 4))
    expect(decoded == BINARY_METADATA, f"x-data-bin seen as {encoded!r}")

    initial = dict(call.initial_metadata())
    trailing = dict(call.trailing_metadata())
    expect(initial.get("x-text") == TEXT_METADATA, f"initial metadata {initial}")
    expect(initial.get("x-data-bin") == BINARY_METADATA, f"initial metadata {initial}")
    expect(trailing.get("x-text-trailer") == TEXT_METADATA, f"trailing metadata {trailing}")
    expect(trailing.get("x-data-trailer-bin") == BINARY_METADATA,
           f"trailing metadata {trailing}")
    return {"seen_metadata": list(reply.seen_metadata),
            "initial_metadata": metadata_dict(call.initial_metadata()),
            "trailing_metadata": metadata_dict(call.trailing_metadata())}


def case_gzip(channel):
    """The request goes gzip-compressed, and grpcio accepts gzip, so the server may compress
    the reply. grpcio does not say whether a message came compressed: the caller measures
    the bytes on the wire (the test runs this through a byte-counting relay)."""
    stub = echo_pb2_grpc.EchoServiceStub(channel)
    payload = b"range slot booking " * (512 * 1024 // 19)
    reply = stub.Echo(echo_pb2.EchoRequest(text="gzip", payload=payload),
                      compression=grpc.Compression.Gzip, timeout=CALL_TIMEOUT_S)
    expect(reply.payload == payload, "payload differs after the round trip")
    return {"text": reply.text, "payload_length": len(reply.payload)}


def case_message_too_large(channel):
    stub = echo_pb2_grpc.EchoServiceStub(channel)
    error = expect_status(stub.Echo, grpc.StatusCode.RESOURCE_EXHAUSTED,
                          request=echo_pb2.EchoRequest(payload=b"\x01" * (ONE_MIB + 1024)),
                          timeout=CALL_TIMEOUT_S)
    # The refusal must end only that call, not the connection.
    after = stub.Echo(echo_pb2.EchoRequest(text="after"), timeout=CALL_TIMEOUT_S)
    return {"code": error.code().name, "details": error.details(), "next_call_text": after.text}


def case_unimplemented(channel):
    stub = echo_pb2_grpc.EchoServiceStub(channel)
    codes = {}
    codes["Missing"] = expect_status(stub.Missing, grpc.StatusCode.UNIMPLEMENTED,
                                     request=echo_pb2.EchoRequest(),
                                     timeout=CALL_TIMEOUT_S).code().name
    for path in (f"/{ECHO_SERVICE}/NoSuchMethod", "/no.such.Service/Call"):
        call = channel.unary_unary(path, request_serializer=echo_pb2.EchoRequest.SerializeToString,
                                   response_deserializer=echo_pb2.EchoReply.FromString)
        codes[path] = expect_status(call, grpc.StatusCode.UNIMPLEMENTED,
                                    request=echo_pb2.EchoRequest(),
                                    timeout=CALL_TIMEOUT_S).code().name
    return {"codes": codes}


def reflection_case(pb2, pb2_grpc):
    def case(channel):
        stub = pb2_grpc.ServerReflectionStub(channel)
        requests = [
            pb2.ServerReflectionRequest(list_services=""),
            pb2.ServerReflectionRequest(file_containing_symbol=ECHO_SERVICE),
            pb2.ServerReflectionRequest(file_containing_symbol="no.such.Symbol"),
        ]
        responses = list(stub.ServerReflectionInfo(iter(requests), timeout=CALL_TIMEOUT_S))
        expect(len(responses) == len(requests), f"{len(responses)} responses to 3 requests")
        listed, containing, unknown = responses

        expect(listed.WhichOneof("message_response") == "list_services_response",
               f"list_services answered with {listed}")
        services = sorted(s.name for s in listed.list_services_response.service)
        for wanted in (ECHO_SERVICE, HEALTH_SERVICE, *REFLECTION_SERVICES):
            expect(wanted in services, f"{wanted} not listed in {services}")

        expect(containing.WhichOneof("message_response") == "file_descriptor_response",
               f"file_containing_symbol answered with {containing}")
        files = [descriptor_pb2.FileDescriptorProto.FromString(raw)
                 for raw in containing.file_descriptor_response.file_descriptor_proto]
        echo_file = next((f for f in files
                          if any(f"{f.package}.{s.name}" == ECHO_SERVICE for s in f.service)),
                         None)
        expect(echo_file is not None,
               f"no descriptor declares {ECHO_SERVICE}: {[f.name for f in files]}")
        # Building the file in a fresh pool proves it is complete and self-consistent:
        # every type a method names is defined.
        pool = descriptor_pool.DescriptorPool()
        try:
            for file_proto in files:
                pool.Add(file_proto)
            pool.FindServiceByName(ECHO_SERVICE)
        except (KeyError, TypeError) as error:
            raise ContractBroken(f"the returned descriptors do not build: {error}")
        service = next(s for s in echo_file.service if f"{echo_file.package}.{s.name}" == ECHO_SERVICE)

        expect(unknown.WhichOneof("message_response") == "error_response"
               and unknown.error_response.error_code == grpc.StatusCode.NOT_FOUND.value[0],
               f"an unknown symbol answered with {unknown}")
        return {
            "services": services,
            "file_name": echo_file.name,
            "package": echo_file.package,
            "methods": {m.name: {"input": m.input_type, "output": m.output_type,
                                 "client_streaming": m.client_streaming,
                                 "server_streaming": m.server_streaming}
                        for m in service.method},
            "unknown_symbol_error_code": unknown.error_response.error_code,
        }
    return case


def case_health(channel):
    stub = health_pb2_grpc.HealthStub(channel)
    overall = stub.Check(health_pb2.HealthCheckRequest(service=""), timeout=CALL_TIMEOUT_S)
    status_name = health_pb2.HealthCheckResponse.ServingStatus.Name(overall.status)
    expect(status_name == "SERVING", f"server status {status_name}")
    unknown = expect_status(stub.Check, grpc.StatusCode.NOT_FOUND,
                            request=health_pb2.HealthCheckRequest(service="no.such.Service"),
                            timeout=CALL_TIMEOUT_S)
    return {"status": status_name, "unknown_service_code": unknown.code().name}


CASES = {
    "unary": case_unary,
    "server-streaming": case_server_streaming,
    "server-streaming-error": case_server_streaming_error,
    "client-streaming": case_client_streaming,
    "bidi": case_bidi,
    "error-status": case_error_status,
    "deadline": case_deadline,
    "metadata": case_metadata,
    "gzip": case_gzip,
    "message-too-large": case_message_too_large,
    "unimplemented": case_unimplemented,
    "reflection-v1": reflection_case(v1_pb2, v1_pb2_grpc),
    "reflection-v1alpha": reflection_case(v1alpha_pb2, v1alpha_pb2_grpc),
    "health": case_health,
}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--target", required=True, help="host:port of the server")
    parser.add_argument("--case", required=True, choices=sorted(CASES))
    args = parser.parse_args()

    options = [
        # A proxy from the environment must not sit between the test and the loopback server.
        ("grpc.enable_http_proxy", 0),
    ]
    with grpc.insecure_channel(args.target, options=options) as channel:
        try:
            result = CASES[args.case](channel)
        except ContractBroken as broken:
            print(f"{args.case}: {broken}", file=sys.stderr)
            return 1
        except grpc.RpcError as error:
            print(f"{args.case}: unexpected status {error.code().name}: {error.details()!r}",
                  file=sys.stderr)
            return 1
    print(json.dumps({"case": args.case, **result}, sort_keys=True))
    return 0


if __name__ == "__main__":
    sys.exit(main())
