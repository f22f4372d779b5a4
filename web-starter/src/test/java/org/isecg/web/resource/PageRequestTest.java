package org.isecg.web.resource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.function.Function;

import org.isecg.web.problem.InvalidRequestException;
import org.junit.jupiter.api.Test;

class PageRequestTest {

    @Test
    void theFirstPageHasNoLowerBoundAndTheDefaultSize() {
        PageRequest page = PageRequest.of(null, null);

        assertThat(page.size()).isEqualTo(PageRequest.DEFAULT_SIZE);
        assertThat(page.after()).isEmpty();
        assertThat(page.fetchSize()).isEqualTo(PageRequest.DEFAULT_SIZE + 1);
    }

    @Test
    void aFullPageWithOneMoreFetchedCarriesATokenThatLeadsPastItsLastItem() {
        PageRequest first = PageRequest.of(2, null);

        Page<String> page = first.page(List.of("ASI", "CNES", "CSA"), Function.identity());

        assertThat(page.items()).containsExactly("ASI", "CNES");
        assertThat(PageRequest.of(2, page.nextPageToken()).after()).contains("CNES");
    }

    @Test
    void theLastPageHasNoToken() {
        Page<String> page = PageRequest.of(2, null).page(List.of("ASI", "CNES"), Function.identity());

        assertThat(page.items()).containsExactly("ASI", "CNES");
        assertThat(page.nextPageToken()).isNull();
    }

    @Test
    void sizesOutsideTheLimitsAreRefusedNamingTheParameter() {
        assertThatThrownBy(() -> PageRequest.of(0, null)).isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("pageSize");
        assertThatThrownBy(() -> PageRequest.of(PageRequest.MAX_SIZE + 1, null))
                .isInstanceOf(InvalidRequestException.class);
    }

    @Test
    void aTokenThisServiceDidNotIssueIsRefused() {
        assertThatThrownBy(() -> PageRequest.of(10, "not base64 !")).isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("pageToken");
    }
}
