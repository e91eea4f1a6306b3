import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.SplittableRandom;

/**
 * Writes a synthetic unload of about the given size in bytes: 12 columns, of which a third hold
 * personal data (IIN with a valid check digit, Cyrillic full name, phone, e-mail) and the rest
 * numbers, dates, categories and free text. The seed is fixed, so one size always gives the same
 * bytes. Run with the source launcher: {@code java GenerateCsv.java OUT.csv BYTES}.
 */
public final class GenerateCsv {

    private static final String HEADER =
            "id;ИИН;ФИО;Телефон;Email;Регион;Дата обращения;Сумма;Количество;Категория;Статус;Комментарий\n";
    private static final String[] REGIONS = {
        "Абай", "Акмолинская", "Актюбинская", "Алматинская", "Атырауская", "Жетісу", "Жамбылская",
        "Карагандинская", "Костанайская", "Ұлытау", "г. Астана", "г. Алматы", "г. Шымкент"
    };
    private static final String[] SURNAMES = {
        "Иванов", "Серікбаев", "Ахметов", "Ким", "Петров", "Нұрланов", "Смагулов", "Жумабеков", "Омаров", "Сидоров"
    };
    private static final String[] GIVEN = {"Асхат", "Сергей", "Ерлан", "Олжас", "Дмитрий", "Бауыржан", "Тимур", "Алибек"};
    private static final String[] PATRONYMIC = {"Сергеевич", "Ерланович", "Маратович", "Олегович", "Асқарұлы", ""};
    private static final String[] LATIN = {"aidos", "sergey", "erlan", "olzhas", "dmitry", "timur", "alibek"};
    private static final String[] DOMAINS = {"mail.kz", "gmail.com", "inbox.ru", "yandex.kz"};
    private static final String[] CATEGORIES = {"жалоба", "запрос", "предложение", "благодарность", "өтініш"};
    private static final String[] STATUSES = {"исполнено", "в работе", "отказано", "на рассмотрении"};
    private static final String[] WORDS = {
        "просим", "рассмотреть", "вопрос", "ремонта", "дороги", "в", "районе", "школы", "отопления",
        "жилья", "очереди", "на", "получение", "пособия", "по", "месту", "жительства"
    };

    private GenerateCsv() {}

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args[0]);
        long target = Long.parseLong(args[1]);
        SplittableRandom random = new SplittableRandom(20261204L);
        StringBuilder row = new StringBuilder(256);
        long written = 0;
        try (BufferedWriter writer = new BufferedWriter(
                new OutputStreamWriter(Files.newOutputStream(out), StandardCharsets.UTF_8), 1 << 20)) {
            writer.write(HEADER);
            written += HEADER.getBytes(StandardCharsets.UTF_8).length;
            for (long id = 1; written < target; id++) {
                row.setLength(0);
                appendRow(row, id, random);
                writer.append(row);
                written += utf8Length(row);
            }
        }
    }

    private static void appendRow(StringBuilder row, long id, SplittableRandom random) {
        row.append(id).append(';');
        row.append(iin(random)).append(';');
        row.append(pick(SURNAMES, random)).append(' ').append(pick(GIVEN, random));
        String patronymic = pick(PATRONYMIC, random);
        if (!patronymic.isEmpty()) {
            row.append(' ').append(patronymic);
        }
        row.append(';');
        row.append("+7 (7").append(twoDigits(random.nextInt(100))).append(") ");
        row.append(100 + random.nextInt(900)).append('-').append(twoDigits(random.nextInt(100)));
        row.append('-').append(twoDigits(random.nextInt(100))).append(';');
        row.append(pick(LATIN, random)).append('.').append(random.nextInt(10_000)).append('@');
        row.append(pick(DOMAINS, random)).append(';');
        row.append(pick(REGIONS, random)).append(';');
        row.append(LocalDate.of(2023, 1, 1).plusDays(random.nextInt(730))).append(';');
        row.append(random.nextInt(1_000_000)).append(',').append(twoDigits(random.nextInt(100))).append(';');
        row.append(random.nextInt(500)).append(';');
        row.append(pick(CATEGORIES, random)).append(';');
        row.append(pick(STATUSES, random)).append(';');
        if (random.nextInt(10) != 0) {
            int words = 3 + random.nextInt(6);
            for (int i = 0; i < words; i++) {
                row.append(i == 0 ? "" : " ").append(pick(WORDS, random));
            }
        }
        row.append('\n');
    }

    /** A valid IIN: birth date, century and sex digit, serial, and the check digit. */
    private static String iin(SplittableRandom random) {
        while (true) {
            int year = 1950 + random.nextInt(60);
            LocalDate birth = LocalDate.of(year, 1 + random.nextInt(12), 1 + random.nextInt(28));
            int century = (year / 100 - 18) * 2 + 1 + random.nextInt(2);
            String prefix = twoDigits(year % 100) + twoDigits(birth.getMonthValue())
                    + twoDigits(birth.getDayOfMonth()) + century
                    + String.format("%04d", random.nextInt(10_000));
            int check = checkDigit(prefix);
            if (check >= 0) {
                return prefix + check;
            }
        }
    }

    private static int checkDigit(String prefix) {
        int first = 0;
        int second = 0;
        for (int i = 0; i < 11; i++) {
            int digit = prefix.charAt(i) - '0';
            first += digit * (i + 1);
            second += digit * ((i + 2) % 11 + 1);
        }
        if (first % 11 != 10) {
            return first % 11;
        }
        return second % 11 == 10 ? -1 : second % 11;
    }

    private static String pick(String[] values, SplittableRandom random) {
        return values[random.nextInt(values.length)];
    }

    private static String twoDigits(int value) {
        return value < 10 ? "0" + value : Integer.toString(value);
    }

    private static int utf8Length(CharSequence text) {
        int bytes = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            bytes += c < 0x80 ? 1 : 2;
        }
        return bytes;
    }
}
