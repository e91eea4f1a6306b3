package kz.opendata.hub.exchange;

import java.io.IOException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import kz.opendata.hub.agency.Agency;
import kz.opendata.hub.agency.AgencyRegistry;
import kz.opendata.hub.campaign.ListFileReader;
import kz.opendata.hub.campaign.ListFileReader.ListRow;
import kz.opendata.hub.exchange.InventoryIntake.InventoryResult;
import kz.opendata.hub.exchange.InventorySubmissionRepository.InventorySubmission;
import kz.opendata.hub.store.AuditLog;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;

/**
 * The exchange's part of the agency registry: request contacts and Appendix 1 information
 * systems with their data fields, by JSON, by CSV or XLSX import, or by a filled inventory form.
 */
@RestController
@RequestMapping("/api/agencies")
class RegistryController {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private final AgencyRegistry agencies;
    private final RegistryRepository registry;
    private final InventoryIntake inventory;
    private final InventorySubmissionRepository submissions;
    private final AuditLog audit;
    private final Clock clock;

    RegistryController(
            AgencyRegistry agencies,
            RegistryRepository registry,
            InventoryIntake inventory,
            InventorySubmissionRepository submissions,
            AuditLog audit,
            Clock clock) {
        this.agencies = agencies;
        this.registry = registry;
        this.inventory = inventory;
        this.submissions = submissions;
        this.audit = audit;
        this.clock = clock;
    }

    @GetMapping("/{code}/contacts")
    List<Agency.Contact> contacts(@PathVariable String code) {
        return registry.contacts(agency(code).code(), RegistryRepository.REQUEST_ROLE);
    }

    /** Replaces the contacts that receive the agency's official requests and reminders. */
    @PutMapping(path = "/{code}/contacts", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Transactional
    List<Agency.Contact> replaceContacts(@PathVariable String code, @RequestBody List<Agency.Contact> contacts) {
        Agency agency = agency(code);
        List<Agency.Contact> normalised = new ArrayList<>();
        for (int i = 0; i < contacts.size(); i++) {
            normalised.add(validContact(contacts.get(i), "contacts[" + i + "]"));
        }
        registry.replaceContacts(agency.code(), RegistryRepository.REQUEST_ROLE, normalised);
        audit.record("registry", "request-contacts-replaced", "agency", agency.code(), "contacts=" + normalised.size());
        return registry.contacts(agency.code(), RegistryRepository.REQUEST_ROLE);
    }

    /** Adds request contacts from a CSV or XLSX list with the columns agency code, name, e-mail. */
    @PostMapping(path = "/contacts/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Transactional
    ImportSummary importContacts(@RequestPart("file") MultipartFile file) throws IOException {
        List<ListRow> rows = ListFileReader.read(file.getOriginalFilename(), file.getBytes());
        List<String> problems = new ArrayList<>();
        List<String[]> accepted = new ArrayList<>();
        for (ListRow row : rows) {
            String where = file.getOriginalFilename() + ", row " + row.rowNumber();
            if (row.rowNumber() == rows.get(0).rowNumber()
                    && !EMAIL.matcher(row.cell(2)).matches()) {
                continue;
            }
            if (agencies.find(row.cell(0)).isEmpty()) {
                problems.add(where + ": agency code '" + row.cell(0) + "' is not in the agency registry");
            } else if (!EMAIL.matcher(row.cell(2)).matches()) {
                problems.add(where + ", column C: the e-mail address is invalid; write it as name@domain");
            } else {
                accepted.add(new String[] {row.cell(0), row.cell(1), row.cell(2).toLowerCase(Locale.ROOT)});
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
        accepted.forEach(
                c -> registry.addContact(c[0], RegistryRepository.REQUEST_ROLE, new Agency.Contact(c[1], c[2])));
        audit.record(
                "registry",
                "request-contacts-imported",
                "file",
                file.getOriginalFilename(),
                "contacts=" + accepted.size());
        return new ImportSummary(accepted.size(), 0);
    }

    @GetMapping("/{code}/systems")
    List<InformationSystem> systems(@PathVariable String code) {
        return registry.systems(agency(code).code());
    }

    /** Stores the given systems, each replacing a system of the same name with all its fields. */
    @PutMapping(path = "/{code}/systems", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Transactional
    List<InformationSystem> saveSystems(@PathVariable String code, @RequestBody List<InformationSystem> systems) {
        Agency agency = agency(code);
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < systems.size(); i++) {
            problems.addAll(systemProblems(systems.get(i), "systems[" + i + "]"));
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        systems.forEach(system -> registry.saveSystem(agency.code(), system, "registry", now));
        audit.record("registry", "information-systems-saved", "agency", agency.code(), "systems=" + systems.size());
        return registry.systems(agency.code());
    }

    @DeleteMapping("/{code}/systems/{name}")
    ResponseEntity<Void> deleteSystem(@PathVariable String code, @PathVariable String name) {
        Agency agency = agency(code);
        if (!registry.deleteSystem(agency.code(), name)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "Agency " + code + " has no system '" + name + "'");
        }
        audit.record("registry", "information-system-deleted", "agency", agency.code(), "system=" + name);
        return ResponseEntity.noContent().build();
    }

    /** Reads a filled Appendix 1 inventory form (XLSX) into the agency's information systems. */
    @PostMapping(path = "/{code}/inventory", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<InventoryResult> uploadInventory(@PathVariable String code, @RequestPart("file") MultipartFile file)
            throws IOException {
        InventoryResult result =
                inventory.accept(agency(code).code(), file.getOriginalFilename(), file.getBytes(), "api", "upload");
        return ResponseEntity.status(result.accepted() ? HttpStatus.OK : HttpStatus.UNPROCESSABLE_ENTITY)
                .body(result);
    }

    @GetMapping("/{code}/inventory")
    List<InventorySubmission> inventorySubmissions(@PathVariable String code) {
        return submissions.forAgency(agency(code).code());
    }

    private Agency agency(String code) {
        return agencies.find(code)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No agency with code " + code));
    }

    private static Agency.Contact validContact(Agency.Contact contact, String where) {
        if (contact == null
                || contact.email() == null
                || !EMAIL.matcher(contact.email().trim()).matches()) {
            throw new IllegalArgumentException(
                    where + ": the e-mail address is missing or invalid; write it as" + " name@domain");
        }
        return new Agency.Contact(contact.name(), contact.email().trim().toLowerCase(Locale.ROOT));
    }

    private static List<String> systemProblems(InformationSystem system, String where) {
        List<String> problems = new ArrayList<>();
        if (system.name() == null || system.name().isBlank()) {
            problems.add(where + ".name: missing; give the information system's name");
        }
        for (int f = 0; f < system.fields().size(); f++) {
            String field = system.fields().get(f).field();
            if (field == null || field.isBlank()) {
                problems.add(where + ".fields[" + f + "].field: missing; give the technical name of the field");
            }
        }
        return problems;
    }

    /** How many rows an import stored and skipped. */
    record ImportSummary(int stored, int skipped) {}
}
