package org.serviceflow.notification;

import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** The signed-in user's in-app inbox. */
@RestController
@RequestMapping("/api/inbox")
class InboxController {

  private final Inbox inbox;
  private final SignedInUser user;

  InboxController(Inbox inbox, SignedInUser user) {
    this.inbox = inbox;
    this.user = user;
  }

  @GetMapping
  List<InboxMessage> messages() {
    return inbox.of(user.id());
  }

  @PostMapping("/{id}/read")
  ResponseEntity<Void> markRead(@PathVariable long id) {
    if (!inbox.markRead(id, user.id())) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND, "收件箱中没有消息 " + id);
    }
    return ResponseEntity.noContent().build();
  }
}
