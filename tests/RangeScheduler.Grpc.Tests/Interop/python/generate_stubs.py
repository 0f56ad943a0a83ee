#!/usr/bin/python3
"""Generates the Python modules interop_client.py imports, from the repository's protos.

Usage: generate_stubs.py --out DIR

The protos are found relative to this file (tests/RangeScheduler.Grpc.Tests/Interop/python),
so the stubs always match the checkout the tests run from.
"""
import argparse
import os
import shutil
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
TEST_PROJECT = os.path.normpath(os.path.join(HERE, "..", ".."))
REPO_ROOT = os.path.normpath(os.path.join(TEST_PROJECT, "..", ".."))
PROTOC = "protoc"
GRPC_PYTHON_PLUGIN = "/usr/bin/grpc_python_plugin"

# Source proto -> path inside the staging include root. The standard protos live under
# proto/grpc/..., but a generated Python package named "grpc" would collide with grpcio's
# own "grpc" package, so they are staged as grpc_health/ and grpc_reflection/, the layout
# grpcio-health-checking and grpcio-reflection use. Only file names in the client's
# descriptor pool change; package, service and message names (all that the wire carries)
# stay as written.
PROTOS = {
    os.path.join(TEST_PROJECT, "Protos", "echo.proto"): "echo.proto",
    os.path.join(REPO_ROOT, "proto", "grpc", "health", "v1", "health.proto"):
        "grpc_health/v1/health.proto",
    os.path.join(REPO_ROOT, "proto", "grpc", "reflection", "v1", "reflection.proto"):
        "grpc_reflection/v1/reflection.proto",
    os.path.join(REPO_ROOT, "proto", "grpc", "reflection", "v1alpha", "reflection.proto"):
        "grpc_reflection/v1alpha/reflection.proto",
}


def generate(out_dir):
    stage = os.path.join(out_dir, "_protos")
    for source, staged in PROTOS.items():
        if not os.path.isfile(source):
            raise SystemExit(f"proto not found: {source}")
        target = os.path.join(stage, staged)
        os.makedirs(os.path.dirname(target), exist_ok=True)
        shutil.copyfile(source, target)

    command = [
        PROTOC,
        f"-I{stage}",
        f"--python_out={out_dir}",
        f"--grpc_python_out={out_dir}",
        f"--plugin=protoc-gen-grpc_python={GRPC_PYTHON_PLUGIN}",
        *PROTOS.values(),
    ]
    try:
        result = subprocess.run(command, cwd=stage, capture_output=True, text=True)
    except FileNotFoundError:
        raise SystemExit("protoc not found: run tools/test.sh to install protobuf-compiler")
    if result.returncode != 0:
        raise SystemExit(f"protoc failed ({result.returncode}): {result.stderr.strip()}")

    # Regular packages rather than namespace packages: a namespace package loses to any
    # regular package of the same name elsewhere on sys.path.
    for staged in PROTOS.values():
        package = os.path.dirname(staged)
        while package:
            open(os.path.join(out_dir, package, "__init__.py"), "a").close()
            package = os.path.dirname(package)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", required=True, help="directory to write the modules to")
    args = parser.parse_args()
    if not os.path.isfile(GRPC_PYTHON_PLUGIN):
        raise SystemExit(
            f"{GRPC_PYTHON_PLUGIN} not found: run tools/test.sh to install protobuf-compiler-grpc")
    os.makedirs(args.out, exist_ok=True)
    generate(args.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
