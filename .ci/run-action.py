#!/usr/bin/env python3
"""Runs the steps of the composite action in action.yml the way a GitHub runner would, offline.

    run-action.py ACTION_YML SERVER_URL WORKDIR [INPUT=VALUE ...]

SERVER_URL stands for https://github.com (a file:// URL of a folder laid out as
OWNER/NAME/releases/download/vVERSION/…, which curl reads like the real one). Each step's `${{ … }}`
expressions are evaluated for the few forms action.yml uses (inputs, `a || b`, step outputs,
github.action_repository), its script runs with bash in its working directory, and GITHUB_OUTPUT,
GITHUB_PATH and RUNNER_* behave as on a Linux x86_64 runner. Exits with the first failing step's status.
"""
import os
import re
import subprocess
import sys
import tempfile

import yaml

EXPRESSION = re.compile(r"\$\{\{\s*(.*?)\s*\}\}")


def evaluate(expression, context):
    """The value of `expression`: `a || b` (the first non-empty), `inputs.x`, `steps.id.outputs.x`, `github.x`."""
    for alternative in expression.split("||"):
        path = alternative.strip().split(".")
        value = context
        for part in path:
            value = value.get(part, "") if isinstance(value, dict) else ""
        if value:
            return str(value)
    return ""


def substitute(text, context):
    return EXPRESSION.sub(lambda match: evaluate(match.group(1), context), str(text))


def main():
    action_file, server_url, workdir, *pairs = sys.argv[1:]
    with open(action_file, encoding="utf-8") as handle:
        action = yaml.safe_load(handle)
    given = dict(pair.split("=", 1) for pair in pairs)
    inputs = {}
    for name, spec in action.get("inputs", {}).items():
        if name in given:
            inputs[name] = given.pop(name)
        elif spec.get("required"):
            sys.exit(f"run-action: input '{name}' is required")
        else:
            inputs[name] = str(spec.get("default", ""))
    if given:
        sys.exit(f"run-action: unknown inputs {sorted(given)}")
    context = {"inputs": inputs, "steps": {}, "github": {"action_repository": "example/mediactl"}}
    temp = tempfile.mkdtemp(prefix="run-action-")
    path_file = os.path.join(temp, "path")
    open(path_file, "w").close()
    for index, step in enumerate(action["runs"]["steps"]):
        output_file = os.path.join(temp, f"output-{index}")
        open(output_file, "w").close()
        with open(path_file, encoding="utf-8") as handle:
            extra_path = [line.strip() for line in handle if line.strip()]
        env = dict(os.environ)
        env.update(
            RUNNER_OS="Linux", RUNNER_ARCH="X64", RUNNER_TEMP=temp, GITHUB_SERVER_URL=server_url,
            GITHUB_OUTPUT=output_file, GITHUB_PATH=path_file,
            PATH=os.pathsep.join(list(reversed(extra_path)) + [os.environ["PATH"]]))
        for key, value in step.get("env", {}).items():
            env[key] = substitute(value, context)
        directory = os.path.join(workdir, substitute(step.get("working-directory", "."), context))
        print(f"run-action: step '{substitute(step.get('name', step.get('id', index)), context)}'", flush=True)
        status = subprocess.run(
            ["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", substitute(step["run"], context)],
            cwd=directory, env=env).returncode
        if status != 0:
            print(f"run-action: step {index} failed with status {status}", flush=True)
            sys.exit(status)
        outputs = {}
        with open(output_file, encoding="utf-8") as handle:
            for line in handle:
                if "=" in line:
                    key, value = line.rstrip("\n").split("=", 1)
                    outputs[key] = value
        if "id" in step:
            context["steps"][step["id"]] = {"outputs": outputs}


if __name__ == "__main__":
    main()
