"""Runs a composite GitHub Action's steps here, as GitHub's runner does: each `run` in
`bash --noprofile --norc -eo pipefail`, with the step's `env`, GITHUB_ACTION_PATH and
GITHUB_OUTPUT, `${{ inputs.NAME }}` (the defaults) and `${{ steps.ID.outputs.NAME }}`
substituted, stopping at the first step that fails with its exit code. Any other expression
is refused, so the action uses nothing this does not model.

    python run_action.py ACTION_YML ACTION_PATH   (in the folder the action checks)
"""

import os
import re
import subprocess
import sys
import tempfile

import yaml  # PyYAML, a dependency of pre-commit

EXPRESSION = re.compile(r"\$\{\{\s*([^}]*?)\s*\}\}")


def main(action_yml, action_path):
    with open(action_yml, encoding="utf-8") as f:
        action = yaml.safe_load(f)
    if action["runs"]["using"] != "composite":
        sys.exit("not a composite action")
    inputs = {k: str(v.get("default", "")) for k, v in action.get("inputs", {}).items()}
    outputs = {}

    def substitute(text):
        def value(m):
            parts = m.group(1).split(".")
            if len(parts) == 2 and parts[0] == "inputs" and parts[1] in inputs:
                return inputs[parts[1]]
            if len(parts) == 4 and parts[0] == "steps" and parts[2] == "outputs":
                return outputs.get(parts[1], {}).get(parts[3], "")
            sys.exit(f"unsupported expression: {m.group(0)}")

        return EXPRESSION.sub(value, str(text))

    for step in action["runs"]["steps"]:
        if step.get("shell") != "bash" or "run" not in step:
            sys.exit(f"step {step.get('name')}: only `run` steps in bash are modelled")
        print(f"-- step: {step.get('name')}", flush=True)
        with tempfile.NamedTemporaryFile("r", suffix=".out") as out:
            env = dict(os.environ, GITHUB_ACTION_PATH=action_path, GITHUB_OUTPUT=out.name)
            env.update({k: substitute(v) for k, v in step.get("env", {}).items()})
            script = substitute(step["run"])
            code = subprocess.call(["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", script], env=env)
            if code != 0:
                sys.exit(code)
            if "id" in step:
                lines = out.read().splitlines()
                outputs[step["id"]] = dict(line.split("=", 1) for line in lines if "=" in line)


if __name__ == "__main__":
    main(*sys.argv[1:])
