package dev.coffer.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which Python runs moto_server under the watchdog, for the ways moto_server gets installed. */
class MotoServerTest {

    @TempDir
    Path dir;

    Path script(String firstLine) throws Exception {
        Path file = dir.resolve("moto_server");
        Files.writeString(file, firstLine + "\nimport sys\n");
        return file;
    }

    @Test
    void theInterpreterTheScriptNamesRunsIt() throws Exception {
        // pip into a virtualenv or pipx: the script names its own Python.
        assertThat(MotoServer.python(script("#!/home/u/.local/pipx/venvs/moto/bin/python"))).containsExactly("/home/u/.local/pipx/venvs/moto/bin/python");
        assertThat(MotoServer.python(script("#! /usr/bin/env python3"))).containsExactly("/usr/bin/env", "python3");
    }

    @Test
    void aShellShimFallsBackToPython3OnThePath() throws Exception {
        // pyenv's shims are bash scripts that find the right Python themselves, as its python3 shim does.
        assertThat(MotoServer.python(script("#!/usr/bin/env bash"))).containsExactly("python3");
        assertThat(MotoServer.python(dir.resolve("missing"))).containsExactly("python3");
    }
}
