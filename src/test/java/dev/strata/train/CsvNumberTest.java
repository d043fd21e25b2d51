package dev.strata.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The hand-written number check accepts exactly the language of the regular expression it replaced. */
class CsvNumberTest {
    private static final Pattern REGEX = Pattern.compile("[+-]?(?:\\d+(?:\\.\\d*)?|\\.\\d+)(?:[eE][+-]?\\d+)?");

    @Test
    void sameAnswersAsTheRegularExpression() {
        for (String t : List.of("0", "-1", "+2", "1.", ".5", "-.5", "1.5e3", "1E-3", "1e+30", "007", "", "+", "-",
                ".", "e5", "1e", "1e+", "1.e2", ".e2", "NaN", "Infinity", "-Infinity", "1f", "1d", "0x1p3", "1,5",
                "1 2", "--1", "1e1.5", "١٢", "1_000")) {
            assertEquals(REGEX.matcher(t).matches(), CsvReader.isDecimal(t), t);
        }
        Random random = new Random(13);
        String alphabet = "0123456789+-.eEx ";
        for (int k = 0; k < 200_000; k++) {
            StringBuilder t = new StringBuilder();
            for (int len = random.nextInt(7); len > 0; len--) {
                t.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            assertEquals(REGEX.matcher(t).matches(), CsvReader.isDecimal(t.toString()), t.toString());
        }
    }
}
