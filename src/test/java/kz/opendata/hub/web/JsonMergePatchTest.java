package kz.opendata.hub.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The test cases of RFC 7396, appendix A, each as original document, patch and expected result. */
class JsonMergePatchTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest(name = "{0} + {1}")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '`',
            value = {
                "{'a':'b'}                 | {'a':'c'}           | {'a':'c'}",
                "{'a':'b'}                 | {'b':'c'}           | {'a':'b','b':'c'}",
                "{'a':'b'}                 | {'a':null}          | {}",
                "{'a':'b','b':'c'}         | {'a':null}          | {'b':'c'}",
                "{'a':['b']}               | {'a':'c'}           | {'a':'c'}",
                "{'a':'c'}                 | {'a':['b']}         | {'a':['b']}",
                "{'a':{'b':'c'}}           | {'a':{'b':'d','c':null}} | {'a':{'b':'d'}}",
                "{'a':[{'b':'c'}]}         | {'a':[1]}           | {'a':[1]}",
                "['a','b']                 | ['c','d']           | ['c','d']",
                "{'a':'b'}                 | ['c']               | ['c']",
                "{'a':'foo'}               | null                | null",
                "{'a':'foo'}               | 'bar'               | 'bar'",
                "{'e':null}                | {'a':1}             | {'e':null,'a':1}",
                "[1,2]                     | {'a':'b','c':null}  | {'a':'b'}",
                "{}                        | {'a':{'bb':{'ccc':null}}} | {'a':{'bb':{}}}"
            })
    void appliesRfcExample(String target, String patch, String expected) throws Exception {
        JsonNode original = read(target);

        JsonNode result = JsonMergePatch.apply(original, read(patch));

        assertThat(result).isEqualTo(read(expected));
        assertThat(original).as("the target is left unchanged").isEqualTo(read(target));
    }

    private static JsonNode read(String text) throws Exception {
        return JSON.readTree(text.strip().replace('\'', '"'));
    }
}
