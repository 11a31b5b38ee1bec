package dev.coffer.parameters;

import java.util.List;

/** Which parameter goes where when copying or moving a folder (see {@link ParameterCopy#plan}). */
public record CopyPlan(List<Move> moves) {

    /** One parameter's copy: from its current name to its new one. */
    public record Move(String from, String to) {
    }

    public CopyPlan {
        moves = List.copyOf(moves);
    }

    public List<String> sources() {
        return moves.stream().map(Move::from).toList();
    }

    public List<String> targets() {
        return moves.stream().map(Move::to).toList();
    }

    public boolean isEmpty() {
        return moves.isEmpty();
    }
}
