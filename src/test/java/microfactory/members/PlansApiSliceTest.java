package microfactory.members;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import microfactory.common.ClockConfiguration;
import microfactory.web.LoginThrottle;
import microfactory.web.PasswordHashing;
import microfactory.web.ProblemResponses;
import microfactory.web.SecurityConfiguration;
import microfactory.web.UnmappedRequests;

/** The plans API alone: routing, security and problem responses, with the service mocked. */
@WebMvcTest(controllers = PlansApi.class)
@Import({SecurityConfiguration.class, ProblemResponses.class, PasswordHashing.class, UnmappedRequests.class, LoginThrottle.class,
        ClockConfiguration.class})
class PlansApiSliceTest {

    @Autowired MockMvc mvc;
    @MockitoBean PlanService plans;
    @MockitoBean UserDetailsService accounts;

    static final Plan FLAT = new Plan(1, "flat-dues", "Full member", PlanKind.FLAT_DUES, 500_000L, "USD", null, true,
            true, "", true);

    @Test
    void anyoneListsThePlans() throws Exception {
        when(plans.all()).thenReturn(List.of(FLAT));
        mvc.perform(get("/api/v1/plans"))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$[0].code").value("flat-dues"))
            .andExpect(jsonPath("$[0].annualDuesMinor").value(500_000));
    }

    @Test
    void anAnonymousWriteIs401AndAMembersIs403() throws Exception {
        String body = "{\"code\":\"x-plan\",\"name\":\"X\",\"kind\":\"FLAT_DUES\",\"annualDuesMinor\":1,\"currency\":\"USD\","
                + "\"usufructRight\":true,\"trainingRight\":true}";
        mvc.perform(post("/api/v1/plans").with(csrf()).contentType(MediaType.APPLICATION_JSON).content(body))
            .andExpect(status().isUnauthorized())
            .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(post("/api/v1/plans").with(csrf()).with(user("m").roles("MEMBER"))
                .contentType(MediaType.APPLICATION_JSON).content(body))
            .andExpect(status().isForbidden());
        verify(plans, never()).create(any());
    }

    @Test
    void anInvalidBodyNeverReachesTheService() throws Exception {
        mvc.perform(post("/api/v1/plans").with(csrf()).with(user("s").roles("MEMBER", "STEWARD"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"code\":\"UPPER\",\"kind\":\"SOMETHING\"}"))
            .andExpect(status().isBadRequest())
            .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
            .andExpect(jsonPath("$.detail").value(Matchers.containsString("kind")));
        verify(plans, never()).create(any());
    }
}
