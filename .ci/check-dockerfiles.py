#!/usr/bin/env python3
"""Checks that the Dockerfile every compose service is built from copies every Maven module into its build stage.

docker-compose.yml builds each service from one Dockerfile with the build argument MODULE (the service's module);
the Dockerfile builds with `./mvnw -pl $MODULE -am`, which needs every module the root pom lists (local-stack only as
its pom). A module added to the root pom but not copied, or a service built without a MODULE that is a module of the
root pom, breaks `docker compose up --build`, which cannot be run on machines without Docker. Every service with a
`build`, in every profile, is checked. Usage: .ci/check-dockerfiles.py [compose-file]
Needs PyYAML (as .ci/check-compose.py).
"""
import os
import re
import sys

import yaml

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def modules():
    with open(os.path.join(ROOT, "pom.xml"), encoding="utf-8") as pom:
        return re.findall(r"<module>([^<]+)</module>", pom.read())


def builds(compose_file):
    """(service, Dockerfile path, build arguments) of every service compose builds, whatever its profile."""
    with open(compose_file, encoding="utf-8") as f:
        services = (yaml.safe_load(f) or {}).get("services") or {}
    base = os.path.dirname(compose_file)
    for name, service in sorted(services.items()):
        build = service.get("build")
        if build is None:
            continue
        if isinstance(build, str):
            build = {"context": build}
        context = os.path.normpath(os.path.join(base, build.get("context", ".")))
        args = build.get("args") or {}
        if isinstance(args, list):
            args = dict(item.split("=", 1) if "=" in item else (item, None) for item in args)
        yield name, os.path.join(context, build.get("dockerfile", "Dockerfile")), args


def dockerfile_problems(dockerfile, all_modules):
    with open(dockerfile, encoding="utf-8") as f:
        text = f.read()
    problems = []
    copies = re.findall(r"^COPY\s+(\S+)\s+\S+\s*$", text, re.M)
    for module in all_modules:
        wanted = f"{module}/pom.xml" if module == "local-stack" else module
        if wanted not in copies:
            problems.append(f"does not copy {wanted}")
    if not re.search(r"^ARG\s+MODULE\b", text, re.M):
        problems.append("declares no ARG MODULE")
    if not re.search(r"-pl\s+\"?\$\{?MODULE\}?\"?\s+-am\b", text):
        problems.append("does not build -pl $MODULE -am")
    return problems


def main():
    compose_file = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "docker-compose.yml"))
    all_modules = modules()
    problems = []
    dockerfiles = {}
    services = list(builds(compose_file))
    if not services:
        problems.append("no service in docker-compose.yml is built from a Dockerfile")
    for name, dockerfile, args in services:
        module = args.get("MODULE")
        if module not in all_modules:
            problems.append(f"{name}: build argument MODULE={module!r} is not a module of the root pom")
        if not os.path.exists(dockerfile):
            problems.append(f"{name}: no {os.path.relpath(dockerfile, ROOT)}")
            continue
        dockerfiles.setdefault(dockerfile, []).append(name)
    for dockerfile, names in sorted(dockerfiles.items()):
        for problem in dockerfile_problems(dockerfile, all_modules):
            problems.append(f"{os.path.relpath(dockerfile, ROOT)} (builds {', '.join(names)}) {problem}")
    for problem in problems:
        print(f"check-dockerfiles: {problem}", file=sys.stderr)
    if problems:
        sys.exit(1)
    print(f"check-dockerfiles: {len(services)} services built from {len(dockerfiles)} Dockerfile(s) that copy all "
          f"{len(all_modules)} modules")


if __name__ == "__main__":
    main()
