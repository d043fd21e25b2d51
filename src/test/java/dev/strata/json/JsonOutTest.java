package dev.strata.json;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Numbers and layout as Python's {@code json.dumps(indent=2)} writes them. */
class JsonOutTest {

    @Test
    void floatsAsPythonRepr() {
        assertEquals("0.01", JsonOut.pythonFloat(0.01));
        assertEquals("0.0001", JsonOut.pythonFloat(1e-4));
        assertEquals("1e-05", JsonOut.pythonFloat(1e-5));
        assertEquals("1e-07", JsonOut.pythonFloat(1e-7));
        assertEquals("2.5e-07", JsonOut.pythonFloat(2.5e-7));
        assertEquals("0.0", JsonOut.pythonFloat(0.0));
        assertEquals("-0.0", JsonOut.pythonFloat(-0.0));
        assertEquals("1.0", JsonOut.pythonFloat(1.0));
        assertEquals("100.0", JsonOut.pythonFloat(100.0));
        assertEquals("-0.25", JsonOut.pythonFloat(-0.25));
        assertEquals("0.009999999776482582", JsonOut.pythonFloat((double) 0.01f));
        assertEquals("0.0010000000474974513", JsonOut.pythonFloat((double) 0.001f));
        assertEquals("1234567890123456.0", JsonOut.pythonFloat(1234567890123456.0));
        assertEquals("1e+16", JsonOut.pythonFloat(1e16));
        assertEquals("1.5e+300", JsonOut.pythonFloat(1.5e300));
        assertEquals("5e-300", JsonOut.pythonFloat(5e-300));
    }

    @Test
    void layoutAndEscaping() {
        ObjectNode o = Json.object().put("name", "caf\u00e9 \"x\"\n").put("rate", 0.5).put("units", 3);
        o.set("shape", Json.array().addNull().add(4));
        o.set("empty", Json.object());
        o.set("nested", Json.array().add(Json.object().put("a", true)));
        assertEquals("""
                {
                  "name": "caf\\u00e9 \\"x\\"\\n",
                  "rate": 0.5,
                  "units": 3,
                  "shape": [null, 4],
                  "empty": {},
                  "nested": [
                    {
                      "a": true
                    }
                  ]
                }
                """, JsonOut.pretty(o));
    }
}
