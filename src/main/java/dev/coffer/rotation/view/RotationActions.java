package dev.coffer.rotation.view;

import dev.coffer.secrets.Secret;

/** What the rotation buttons under a secret's details do; the secret screens implement it. */
public interface RotationActions {

    void setUpRotation(Secret secret);

    void rotateNow(Secret secret);

    void turnOffRotation(Secret secret);
}
