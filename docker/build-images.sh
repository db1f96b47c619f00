#!/usr/bin/env bash
# Placeholder until the runtime images land: nothing to build yet.
exit 0
