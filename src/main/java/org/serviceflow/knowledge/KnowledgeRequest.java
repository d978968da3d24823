package org.serviceflow.knowledge;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.serviceflow.web.CalendarDate;

/**
 * The content of a knowledge entry, as maintainers send it (POST and PUT {@code /api/knowledge}).
 *
 * @param ownerGroup who keeps the entry and reviews it: hotline-supervisors or customer-service-lead
 * @param reviewDate when the entry must be checked again; once it has passed the owner group gets 知识条目复核
 */
record KnowledgeRequest(
    @NotBlank(message = "请填写标题") @Size(max = 200, message = "标题最多 200 字") String title,
    @NotBlank(message = "请填写答复内容") @Size(max = 4000, message = "答复内容最多 4000 字") String answer,
    @NotBlank(message = "请填写分类") @Size(max = 50, message = "分类最多 50 字") String category,
    @NotBlank(message = "请填写来源（政策文件、规定或部门）") @Size(max = 300, message = "来源最多 300 字") String source,
    @NotNull(message = "请填写维护部门")
    @Pattern(regexp = "hotline-supervisors|customer-service-lead",
        message = "维护部门只能是 hotline-supervisors（12345 督办）或 customer-service-lead（客服主管）") String ownerGroup,
    @NotNull(message = "请填写复核日期") @CalendarDate LocalDate reviewDate) {
}
