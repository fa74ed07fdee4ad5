package dev.cctelemetry.core.transcript;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TranscriptReaderTest {

    @TempDir
    Path dir;

    private record Line(String text, long offset) {
    }

    private static List<Line> read(TranscriptReader reader, Path f, long start, long[] end) throws IOException {
        List<Line> out = new ArrayList<>();
        TranscriptReader.ReadResult r = reader.read(f, start, (b, off, len, at) ->
                out.add(new Line(new String(b, off, len, StandardCharsets.UTF_8), at)));
        end[0] = r.endOffset();
        return out;
    }

    @Test
    void partialLastLineIsLeftForTheNextRead() throws IOException {
        Path f = dir.resolve("t.jsonl");
        Files.writeString(f, "one\ntwo\nthr");
        long[] end = new long[1];
        assertThat(read(new TranscriptReader(), f, 0, end)).containsExactly(new Line("one", 0), new Line("two", 4));
        assertThat(end[0]).isEqualTo(8);
        Files.writeString(f, "ee\nfour\n", StandardOpenOption.APPEND);
        assertThat(read(new TranscriptReader(), f, end[0], end))
                .containsExactly(new Line("three", 8), new Line("four", 14));
        assertThat(end[0]).isEqualTo(Files.size(f));
    }

    @Test
    void crlfAndEmptyLinesAreHandled() throws IOException {
        Path f = dir.resolve("t.jsonl");
        Files.writeString(f, "a\r\n\nb\n");
        long[] end = new long[1];
        assertThat(read(new TranscriptReader(), f, 0, end)).extracting(Line::text).containsExactly("a", "b");
    }

    @Test
    void linesLongerThanTheCapAreSkippedWithBoundedMemory() throws IOException {
        Path f = dir.resolve("t.jsonl");
        String big = "x".repeat(10_000);
        Files.writeString(f, "first\n" + big + "\nlast\n" + big);
        List<Line> got = new ArrayList<>();
        TranscriptReader.ReadResult r = new TranscriptReader(4096).read(f, 0, (b, off, len, at) ->
                got.add(new Line(new String(b, off, len, StandardCharsets.UTF_8), at)));
        assertThat(got).extracting(Line::text).containsExactly("first", "last");
        assertThat(r.oversizedLines()).isEqualTo(1);
        // The unfinished oversized line at the end is not passed: the next read starts at its beginning.
        assertThat(r.endOffset()).isEqualTo(6 + big.length() + 1 + 5);
    }

    @Test
    void manyLinesAcrossChunkBoundariesKeepTheirOffsets() throws IOException {
        Path f = dir.resolve("t.jsonl");
        StringBuilder sb = new StringBuilder();
        List<Long> offsets = new ArrayList<>();
        for (int i = 0; i < 50_000; i++) {
            offsets.add((long) sb.length());
            sb.append("line-").append(i).append("-").append("y".repeat(i % 97)).append('\n');
        }
        Files.writeString(f, sb);
        long[] end = new long[1];
        List<Line> got = read(new TranscriptReader(), f, 0, end);
        assertThat(got).hasSize(50_000);
        assertThat(got).extracting(Line::offset).containsExactlyElementsOf(offsets);
        assertThat(got.get(49_999).text()).startsWith("line-49999-");
    }

    @Test
    void headHashChangesWhenTheStartOfTheFileIsRewritten() throws IOException {
        Path f = dir.resolve("t.jsonl");
        Files.writeString(f, "aaaa\nbbbb\n");
        long h1 = TranscriptReader.headHash(f, 10);
        Files.writeString(f, "cccc\nbbbb\n");
        assertThat(TranscriptReader.headHash(f, 10)).isNotEqualTo(h1);
    }

    @Test
    void needlesDeliverOnlyLinesThatContainOneAndKeepOffsets() throws IOException {
        Path f = dir.resolve("t.jsonl");
        Files.writeString(f, "no\nhas \"usage\" here\nnope\nx cost-state y\n\"usage\" and cost-state\nlast");
        List<Line> got = new ArrayList<>();
        TranscriptReader.ReadResult r = new TranscriptReader(4096, List.of("\"usage\"", "cost-state"))
                .read(f, 0, (b, off, len, at) -> got.add(new Line(new String(b, off, len, StandardCharsets.UTF_8), at)));
        assertThat(got).containsExactly(new Line("has \"usage\" here", 3), new Line("x cost-state y", 25),
                new Line("\"usage\" and cost-state", 40));
        assertThat(r.endOffset()).isEqualTo(63);
    }
}
