package org.serviceflow.merge;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.serviceflow.web.PhoneNumber;

/**
 * A repeat contact as POST /api/cases/{master}/contacts receives it: who called, on which number and channel, what
 * they said, their order or serial number if any, and why the operator merges it (e.g. 同一故障再次来电催办).
 * The channel is a code of the master's process (a complaint's phone, letter, visit, web, email).
 */
public record RepeatContactRequest(
    @NotBlank(message = "请填写来电人") @Size(max = 100) String callerName,
    @NotBlank(message = "请填写来电号码") @PhoneNumber String callerPhone,
    @NotBlank(message = "请填写来电内容") @Size(max = 4000) String text,
    @NotBlank(message = "请填写渠道") @Size(max = 50) String channel,
    @Size(max = 100) String orderNumber,
    @NotBlank(message = "请填写并单原因") @Size(max = 500) String reason) {
}
