package dev.strata.cli;
public class StrataCli { public static void main(String[] a){ System.out.println(org.tensorflow.TensorFlow.version()); } }
