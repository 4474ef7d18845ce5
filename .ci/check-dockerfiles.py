#!/usr/bin/env python3
"""Checks that every service's Dockerfile copies every Maven module into its build stage.

The Dockerfiles build with `./mvnw -pl <service> -am`, which needs every module the root pom lists (local-stack
only as its pom); a module added to the root pom but not copied breaks `docker compose up --build`, which cannot be
run on machines without Docker. Usage: .ci/check-dockerfiles.py
"""
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def modules():
    with open(os.path.join(ROOT, "pom.xml"), encoding="utf-8") as pom:
        return re.findall(r"<module>([^<]+)</module>", pom.read())


def main():
    problems = []
    dockerfiles = [os.path.join(ROOT, m, "Dockerfile") for m in modules()
                   if os.path.exists(os.path.join(ROOT, m, "Dockerfile"))]
    if not dockerfiles:
        problems.append("no service Dockerfile found")
    for dockerfile in dockerfiles:
        with open(dockerfile, encoding="utf-8") as f:
            copies = re.findall(r"^COPY\s+(\S+)\s+\S+\s*$", f.read(), re.M)
        for module in modules():
            wanted = f"{module}/pom.xml" if module == "local-stack" else module
            if wanted not in copies:
                problems.append(f"{os.path.relpath(dockerfile, ROOT)} does not copy {wanted}")
    for problem in problems:
        print(f"check-dockerfiles: {problem}", file=sys.stderr)
    if problems:
        sys.exit(1)
    print(f"check-dockerfiles: {len(dockerfiles)} Dockerfiles copy all {len(modules())} modules")


if __name__ == "__main__":
    main()
