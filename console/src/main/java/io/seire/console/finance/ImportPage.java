package io.seire.console.finance;

import io.seire.command.finance.FinanceController;
import io.seire.command.write.Sends;
import io.seire.console.setup.ProjectPage;
import io.seire.console.web.Form;
import io.seire.console.web.FormPage;
import io.seire.console.web.Writes;
import io.seire.kernel.access.Actor;
import io.seire.kernel.finance.ImportExpenditures;
import io.seire.query.setup.ProjectsController;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Uploading an accounting export: the file goes to the API's CSV import as its body, so all rows or none are
 * recorded, and a refused file lists every bad row with its line and column, as the API names them.
 */
@Controller
public class ImportPage {

    static final List<String> FIELDS = List.of("file");

    private final ProjectsController projects;
    private final FinanceController finance;
    private final FormPage forms;

    public ImportPage(ProjectsController projects, FinanceController finance, FormPage forms) {
        this.projects = projects;
        this.finance = finance;
        this.forms = forms;
    }

    @GetMapping("/projects/{projectId}/expenditures/import")
    public String form(Actor actor, @PathVariable String projectId, HttpServletRequest request, Model model) {
        model.addAttribute("project", ProjectPage.read(projects, actor, projectId, request));
        FormPage.show(model, Form.empty());
        return "console/import";
    }

    /** The sender's access is checked before the file is read (the CSRF token comes in the address). */
    @PostMapping(path = "/projects/{projectId}/expenditures/import", consumes = "multipart/form-data")
    @Sends(ImportExpenditures.class)
    public String upload(Actor actor, @PathVariable String projectId, @RequestParam MultiValueMap<String, String> fields,
                         @RequestParam(name = "file", required = false) MultipartFile file, HttpServletRequest request,
                         HttpServletResponse response, Model model, RedirectAttributes redirect) {
        Form form = Form.of(fields);
        Writes.Written written = forms.send(form, FIELDS, request, response, () -> {
            if (file == null || file.isEmpty()) {
                throw io.seire.platform.web.InvalidRequest.of("file", "Choose a CSV file to upload");
            }
            return r -> {
                try {
                    return finance.importCsv(projectId, file.getOriginalFilename(), actor, withBody(r, file));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            };
        });
        if (written == null) {
            model.addAttribute("project", ProjectPage.read(projects, actor, projectId, request));
            model.addAttribute("fileName", file == null ? null : file.getOriginalFilename());
            FormPage.show(model, form);
            return "console/import";
        }
        redirect.addFlashAttribute("flash", "import.done");
        redirect.addFlashAttribute("flashDetail", written.answer().path("imported").asLong() + " / "
                + written.answer().path("unchanged").asLong());
        return "redirect:" + UriComponentsBuilder.fromPath("/projects/{p}/expenditures").encode()
                .buildAndExpand(projectId).toUriString();
    }

    /** The request as the API's import reads it: the file is its body. */
    static HttpServletRequest withBody(HttpServletRequest request, MultipartFile file) throws IOException {
        InputStream content = file.getInputStream();
        ServletInputStream body = new ServletInputStream() {
            @Override
            public int read() throws IOException {
                return content.read();
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                return content.read(b, off, len);
            }

            @Override
            public boolean isFinished() {
                try {
                    return content.available() == 0;
                } catch (IOException e) {
                    return true;
                }
            }

            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setReadListener(ReadListener listener) {
                throw new UnsupportedOperationException();
            }
        };
        return new HttpServletRequestWrapper(request) {
            @Override
            public ServletInputStream getInputStream() {
                return body;
            }

            @Override
            public String getContentType() {
                return "text/csv";
            }
        };
    }
}
