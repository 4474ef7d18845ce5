#!/usr/bin/env python3
"""Validates docker-compose.yml (docker-compose config) with the default services and with each profile it declares
(docker-compose config --profiles, so a new profile is checked without editing this script), and checks what each of
those configurations exposes:

- every published port is bound to 127.0.0.1 (Kafka's PLAINTEXT listener, MongoDB, the services' open read
  endpoints, Prometheus and Grafana are for this host only);
- MongoDB gets a root user (MONGO_INITDB_ROOT_USERNAME / MONGO_INITDB_ROOT_PASSWORD) with no default password:
  compose refuses to start while they are unset;
- every MONGODB_URI logs in as that user (authSource=admin).

Usage: .ci/check-compose.py [compose-file]   (default: docker-compose.yml beside .ci/)
Needs docker-compose (or the docker compose plugin) and PyYAML (a dependency of Debian's docker-compose).
"""
import os
import shutil
import subprocess
import sys
import tempfile
from urllib.parse import parse_qs, urlsplit

import yaml

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
LOCAL = "127.0.0.1"
# placeholders for the check only: no secret is needed to validate the file
USER, PASSWORD = "compose-check", "compose-check-password"
CREDENTIALS = ("MONGO_INITDB_ROOT_USERNAME", "MONGO_INITDB_ROOT_PASSWORD")


def compose_command():
    if shutil.which("docker-compose"):
        return ["docker-compose"]
    return ["docker", "compose"]


def config(compose_file, credentials, profile=None, *options):
    """The file as compose reads it (validated, interpolated, normalised) with the default services, plus those of
    the profile if one is given; .env is ignored, so a developer's own values do not change the outcome."""
    env = {k: v for k, v in os.environ.items() if k not in CREDENTIALS}
    if credentials:
        env.update(zip(CREDENTIALS, credentials))
    with tempfile.NamedTemporaryFile("w", suffix=".env") as no_env_file:  # docker-compose 1.x refuses /dev/null
        command = compose_command() + ["--env-file", no_env_file.name, "--project-directory", ROOT,
                                       "-f", compose_file]
        if profile:
            command += ["--profile", profile]
        return subprocess.run(command + ["config", *options], env=env, capture_output=True, text=True)


def profiles(compose_file):
    result = config(compose_file, (USER, PASSWORD), None, "--profiles")
    if result.returncode != 0:
        sys.stderr.write(result.stdout + result.stderr)
        return None
    return [line.strip() for line in result.stdout.splitlines() if line.strip()]


def host_ip(port):
    """The host address a ports entry binds (None: every interface). Short syntax ("[IP:]HOST:CONTAINER[/proto]",
    or only the container port), as docker-compose 1.x prints it, or long syntax, as compose v2 prints it."""
    if isinstance(port, dict):
        return port.get("host_ip") or None
    spec = str(port).split("/", 1)[0]
    if spec.startswith("["):  # [::1]:80:80
        return spec[1:spec.index("]")]
    parts = spec.rsplit(":", 2)
    return parts[0] if len(parts) == 3 and parts[0] else None


def environment(service):
    env = service.get("environment") or {}
    if isinstance(env, list):
        env = dict(item.split("=", 1) if "=" in item else (item, None) for item in env)
    return env


def check(model):
    problems = []
    services = model.get("services") or {}
    for name, service in sorted(services.items()):
        for port in service.get("ports") or []:
            if host_ip(port) != LOCAL:
                problems.append(f"{name}: port {port!r} is published on every interface, not on {LOCAL} only")

    mongo = services.get("mongo")
    if mongo is None:
        problems.append("no mongo service")
    else:
        env = environment(mongo)
        if env.get("MONGO_INITDB_ROOT_USERNAME") != USER or env.get("MONGO_INITDB_ROOT_PASSWORD") != PASSWORD:
            problems.append("mongo: no root user from ${MONGO_INITDB_ROOT_USERNAME} / ${MONGO_INITDB_ROOT_PASSWORD} "
                            "(MongoDB would run without authentication)")

    for name, service in sorted(services.items()):
        uri = environment(service).get("MONGODB_URI")
        if uri is None:
            continue
        parts = urlsplit(uri)
        if parts.username != USER or parts.password != PASSWORD:
            problems.append(f"{name}: MONGODB_URI does not log in as the root user: {uri}")
        if parse_qs(parts.query).get("authSource") != ["admin"]:
            problems.append(f"{name}: MONGODB_URI lacks authSource=admin: {uri}")
    return problems


def check_profile(compose_file, profile):
    """The problems of one configuration: the default services, plus the profile's if one is given."""
    result = config(compose_file, (USER, PASSWORD), profile)
    if result.returncode != 0:
        sys.stderr.write(result.stdout + result.stderr)
        return ["docker-compose config failed"]
    problems = check(yaml.safe_load(result.stdout))

    for missing in CREDENTIALS:
        partial = config(compose_file, tuple("" if k == missing else v for k, v in zip(CREDENTIALS, (USER, PASSWORD))),
                         profile)
        if partial.returncode == 0:
            problems.append(f"compose starts with an empty {missing}: it must be required (${{{missing}:?...}}), "
                            "never defaulted")
    return problems


def main():
    compose_file = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "docker-compose.yml"))

    declared = profiles(compose_file)
    if declared is None:
        print(f"FAIL {compose_file}: docker-compose config --profiles failed", file=sys.stderr)
        return 1
    found = {}  # problem -> the first configuration that shows it
    for profile in [None] + declared:
        for problem in check_profile(compose_file, profile):
            # docker-compose 1.x lists every profile's services in the default configuration too: report each once
            found.setdefault(problem, f"profile {profile}: " if profile else "")
    problems = [label + problem for problem, label in found.items()]

    for problem in problems:
        print(f"FAIL {compose_file}: {problem}", file=sys.stderr)
    if not problems:
        checked = ", ".join(["default"] + [f"profile {p}" for p in declared])
        print(f"ok {compose_file} ({checked}): valid; ports on {LOCAL} only; MongoDB root user required and used by "
              "the services")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
