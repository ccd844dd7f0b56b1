package io.seire.console.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A refusal of a request's list item is shown at the page's row it was filled from (empty rows are not sent). */
class RowsTest {

    @Test
    void the_requests_item_names_the_pages_row() {
        Rows rows = new Rows("budget");
        rows.send(2);
        rows.send(5);
        assertThat(rows.pageField("budget[0].planned")).isEqualTo("budget[2].planned");
        assertThat(rows.pageField("budget[1].planned")).isEqualTo("budget[5].planned");
        assertThat(rows.pageField("budget[1]")).isEqualTo("budget[5]");
        assertThat(rows.pageField("budget[7].planned")).as("no such item: as the API named it").isEqualTo("budget[7].planned");
        assertThat(rows.pageField("activities[0].from")).isEqualTo("activities[0].from");
        assertThat(rows.pageField("year")).isEqualTo("year");
    }
}
