package io.seire.console.admin;

import io.seire.command.access.UsersController;
import io.seire.command.write.Sends;
import io.seire.console.web.Form;
import io.seire.console.web.FormPage;
import io.seire.console.web.Inputs;
import io.seire.console.web.Writes;
import io.seire.kernel.access.Actor;
import io.seire.kernel.access.DisableUser;
import io.seire.kernel.access.EnableUser;
import io.seire.kernel.access.RegisterUser;
import io.seire.kernel.access.Role;
import io.seire.query.access.UsersViewController;
import io.seire.query.programme.ProgrammeViewsController;
import io.seire.query.setup.ProjectsController;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The administrator's users: the list, a new user with roles and memberships, and disabling or enabling one (with
 * a reason), through the API's {@link UsersController}; anyone else gets the API's refusal.
 */
@Controller
public class UsersPages {

    static final List<String> FIELDS = List.of("username", "password", "roles", "projects", "programmes");
    static final List<String> REASON = List.of("reason");
    static final List<String> PASSWORD = List.of("newPassword");
    static final List<String> ACCESS = List.of("roles", "projects", "programmes", "reason");

    private final UsersViewController views;
    private final UsersController users;
    private final ProjectsController projects;
    private final ProgrammeViewsController programmes;
    private final FormPage forms;
    private final Writes writes;

    public UsersPages(UsersViewController views, UsersController users, ProjectsController projects,
                      ProgrammeViewsController programmes, FormPage forms, Writes writes) {
        this.views = views;
        this.users = users;
        this.projects = projects;
        this.programmes = programmes;
        this.forms = forms;
        this.writes = writes;
    }

    @GetMapping("/admin/users")
    public String list(Actor actor, @RequestParam(required = false) Integer page, Model model) {
        model.addAttribute("users", views.list(actor, page, 100));
        return "console/users";
    }

    @GetMapping("/admin/users/new")
    public String form(Actor actor, HttpServletRequest request, Model model) {
        views.list(actor, 0, 1); // the API's own refusal for anyone but an administrator
        return form(actor, request, model, Form.empty());
    }

    @PostMapping("/admin/users/new")
    @Sends(RegisterUser.class)
    public String create(Actor actor, @RequestParam MultiValueMap<String, String> fields, HttpServletRequest request,
                         HttpServletResponse response, Model model, RedirectAttributes redirect) {
        Form form = Form.of(fields);
        List<String> roles = fields.getOrDefault("roles", List.of());
        List<String> memberOf = fields.getOrDefault("projects", List.of());
        List<String> liaisonOf = fields.getOrDefault("programmes", List.of());
        form.with("roles", String.join(",", roles)).with("projects", String.join(",", memberOf))
                .with("programmes", String.join(",", liaisonOf));
        Writes.Written written = forms.send(form, FIELDS, request, response, () -> {
            Map<String, Object> body = new LinkedHashMap<>();
            put(body, "username", Inputs.text(form.get("username")));
            put(body, "password", form.get("password") == null || form.get("password").isEmpty() ? null : form.get("password"));
            if (!roles.isEmpty()) {
                body.put("roles", roles);
            }
            body.put("projects", memberOf);
            body.put("programmes", liaisonOf);
            UsersController.CreateUser user = writes.request(body, UsersController.CreateUser.class, request);
            return r -> users.create(user, actor, r);
        });
        if (written == null) {
            form.with("password", "");
            return form(actor, request, model, form);
        }
        redirect.addFlashAttribute("flash", "users.created");
        redirect.addFlashAttribute("flashDetail", form.get("username"));
        return "redirect:/admin/users";
    }

    @GetMapping("/admin/users/{username}")
    public String user(Actor actor, @PathVariable String username, Model model) {
        model.addAttribute("user", views.detail(actor, username));
        FormPage.show(model, Form.empty());
        return "console/user";
    }

    @PostMapping("/admin/users/{username}/disable")
    @Sends(DisableUser.class)
    public String disable(Actor actor, @PathVariable String username, @RequestParam MultiValueMap<String, String> fields,
                          HttpServletRequest request, HttpServletResponse response, Model model,
                          RedirectAttributes redirect) {
        return decide(actor, username, fields, request, response, model, redirect, true);
    }

    @PostMapping("/admin/users/{username}/enable")
    @Sends(EnableUser.class)
    public String enable(Actor actor, @PathVariable String username, @RequestParam MultiValueMap<String, String> fields,
                         HttpServletRequest request, HttpServletResponse response, Model model,
                         RedirectAttributes redirect) {
        return decide(actor, username, fields, request, response, model, redirect, false);
    }

    @GetMapping("/admin/users/{username}/access")
    public String accessForm(Actor actor, @PathVariable String username, HttpServletRequest request, Model model) {
        var user = views.detail(actor, username);
        Form form = Form.empty().with("roles", String.join(",", user.roles()))
                .with("projects", String.join(",", user.projects())).with("programmes", String.join(",", user.programmes()));
        model.addAttribute("user", user);
        return form(actor, request, model, form, "console/user-access");
    }

    @PostMapping("/admin/users/{username}/access")
    @Sends(io.seire.kernel.access.ChangeUserAccess.class)
    public String changeAccess(Actor actor, @PathVariable String username,
                               @RequestParam MultiValueMap<String, String> fields, HttpServletRequest request,
                               HttpServletResponse response, Model model, RedirectAttributes redirect) {
        Form form = Form.of(fields);
        List<String> roles = fields.getOrDefault("roles", List.of());
        List<String> memberOf = fields.getOrDefault("projects", List.of());
        List<String> liaisonOf = fields.getOrDefault("programmes", List.of());
        form.with("roles", String.join(",", roles)).with("projects", String.join(",", memberOf))
                .with("programmes", String.join(",", liaisonOf));
        Writes.Written written = forms.send(form, ACCESS, request, response, () -> {
            Map<String, Object> body = new LinkedHashMap<>();
            if (!roles.isEmpty()) {
                body.put("roles", roles);
            }
            body.put("projects", memberOf);
            body.put("programmes", liaisonOf);
            put(body, "reason", Inputs.text(form.get("reason")));
            UsersController.AccessChange change = writes.request(body, UsersController.AccessChange.class, request);
            return r -> users.changeAccess(username, change, actor, r);
        });
        if (written == null) {
            model.addAttribute("user", views.detail(actor, username));
            return form(actor, request, model, form, "console/user-access");
        }
        redirect.addFlashAttribute("flash", "users.accessChanged");
        return "redirect:" + UriComponentsBuilder.fromPath("/admin/users/{u}").encode().buildAndExpand(username)
                .toUriString();
    }

    @PostMapping("/admin/users/{username}/password-reset")
    @Sends(io.seire.kernel.access.ResetPassword.class)
    public String resetPassword(Actor actor, @PathVariable String username,
                                @RequestParam MultiValueMap<String, String> fields, HttpServletRequest request,
                                HttpServletResponse response, Model model, RedirectAttributes redirect) {
        Form form = Form.of(fields);
        Writes.Written written = forms.send(form, PASSWORD, request, response, () -> {
            Map<String, Object> body = new LinkedHashMap<>();
            // as typed: a password's spaces are its own
            String password = form.get("newPassword");
            put(body, "newPassword", password == null || password.isEmpty() ? null : password);
            UsersController.PasswordReset reset = writes.request(body, UsersController.PasswordReset.class, request);
            return r -> users.resetPassword(username, reset, actor, r);
        });
        if (written == null) {
            form.with("newPassword", "");
            model.addAttribute("user", views.detail(actor, username));
            FormPage.show(model, form);
            return "console/user";
        }
        redirect.addFlashAttribute("flash", "users.passwordWasReset");
        redirect.addFlashAttribute("flashDetail", username);
        return "redirect:" + UriComponentsBuilder.fromPath("/admin/users/{u}").encode().buildAndExpand(username)
                .toUriString();
    }

    private String decide(Actor actor, String username, MultiValueMap<String, String> fields,
                          HttpServletRequest request, HttpServletResponse response, Model model,
                          RedirectAttributes redirect, boolean disable) {
        Form form = Form.of(fields);
        Writes.Written written = forms.send(form, REASON, request, response, () -> {
            Map<String, Object> body = new LinkedHashMap<>();
            put(body, "reason", Inputs.text(form.get("reason")));
            UsersController.Reason reason = writes.request(body, UsersController.Reason.class, request);
            return disable ? r -> users.disable(username, reason, actor, r) : r -> users.enable(username, reason, actor, r);
        });
        if (written == null) {
            model.addAttribute("user", views.detail(actor, username));
            FormPage.show(model, form);
            return "console/user";
        }
        redirect.addFlashAttribute("flash", disable ? "users.disabled" : "users.enabled");
        return "redirect:" + UriComponentsBuilder.fromPath("/admin/users/{u}").encode().buildAndExpand(username)
                .toUriString();
    }

    private String form(Actor actor, HttpServletRequest request, Model model, Form form) {
        return form(actor, request, model, form, "console/user-new");
    }

    private String form(Actor actor, HttpServletRequest request, Model model, Form form, String view) {
        Long minPosition = Writes.minPosition(request);
        model.addAttribute("roles", Arrays.stream(Role.values()).map(Enum::name).toList());
        model.addAttribute("projects", projects.list(actor, 0, 1000, minPosition, null).items());
        model.addAttribute("programmes", programmes.list(actor, 0, 1000, minPosition).items());
        FormPage.show(model, form);
        return view;
    }

    private static void put(Map<String, Object> body, String name, Object value) {
        if (value != null) {
            body.put(name, value);
        }
    }
}
